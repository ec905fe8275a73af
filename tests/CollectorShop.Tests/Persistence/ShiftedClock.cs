namespace CollectorShop.Tests.Persistence;

/// <summary>The system clock moved by a fixed offset: a host on it lives that much later, while its timers still tick in real time.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
