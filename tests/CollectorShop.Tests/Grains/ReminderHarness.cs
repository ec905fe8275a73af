using Orleans.Timers;

namespace CollectorShop.Tests.Grains;

/// <summary>
/// Reminder lookups must run inside a grain's context; this test grain gives the
/// expiry tests that context to inspect or drop another grain's reminder.
/// </summary>
public interface IReminderHarnessGrain : IGrainWithIntegerKey
{
    Task<bool> Has(GrainId grain, string name);

    Task<bool> Forget(GrainId grain, string name);
}

public sealed class ReminderHarnessGrain(IReminderRegistry reminders) : Grain, IReminderHarnessGrain
{
    public async Task<bool> Has(GrainId grain, string name) =>
        await reminders.GetReminder(grain, name) is not null;

    public async Task<bool> Forget(GrainId grain, string name)
    {
        if (await reminders.GetReminder(grain, name) is not { } reminder)
        {
            return false;
        }

        await reminders.UnregisterReminder(grain, reminder);
        return true;
    }
}
