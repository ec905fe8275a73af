using Microsoft.Extensions.Logging;

namespace CollectorShop.Grains;

/// <summary>
/// A durable wake-up at a deadline (a reservation's end, a pending order's expiry), so
/// the grain acts on time even if nobody calls it again. The grain re-checks the
/// deadline against its clock on every tick; a stray tick only clears the reminder.
/// </summary>
internal sealed class ExpiryReminder(IGrainBase grain, string name, TimeProvider time, ILogger logger)
{
    /// <summary>Orleans' smallest reminder period; the first tick comes at the deadline itself.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public bool Is(string reminderName) => reminderName == name;

    public async Task Set(DateTimeOffset deadline)
    {
        var due = deadline - time.GetUtcNow();
        await grain.RegisterOrUpdateReminder(name, due > TimeSpan.Zero ? due : TimeSpan.Zero, Period);
    }

    /// <summary>On activation: the in-memory reminder service forgets reminders across restarts.</summary>
    public async Task Ensure(DateTimeOffset deadline)
    {
        if (await grain.GetReminder(name) is null)
        {
            await Set(deadline);
        }
    }

    /// <summary>Best effort: a reminder left behind ticks once more and finds nothing to do.</summary>
    public async Task Clear()
    {
        try
        {
            if (await grain.GetReminder(name) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not unregister reminder {Reminder} of {Grain}", name, grain.GrainContext.GrainId);
        }
    }
}
