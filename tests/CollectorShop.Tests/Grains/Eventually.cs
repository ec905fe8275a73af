namespace CollectorShop.Tests.Grains;

/// <summary>Polls a condition that the cluster makes true on its own (a reminder, a retry timer), within a bounded time.</summary>
public static class Eventually
{
    public static async Task Holds(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not true after {within.TotalSeconds} s: {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
