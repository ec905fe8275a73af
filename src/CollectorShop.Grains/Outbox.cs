using Microsoft.Extensions.Logging;

namespace CollectorShop.Grains;

/// <summary>
/// Hands the events a grain recorded in its state on to the broker, in order, and forgets each one
/// only once the broker confirmed it (another write). A failed publish never fails the change that
/// recorded the event: what is left is retried on a grain timer with backoff that keeps the activation
/// alive, with a durable reminder as the backstop should the activation go away.
/// </summary>
internal sealed class Outbox(
    IGrainBase grain,
    IEventPublisher publisher,
    IOutboxIndex index,
    Func<IReadOnlyList<IntegrationEvent>> waiting,
    Func<IReadOnlySet<string>, Task> forget,
    ILogger logger)
{
    private const string ReminderName = "outbox-retry";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Orleans' smallest reminder period.</summary>
    private static readonly TimeSpan BackstopPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? retryTimer;
    private int failures;

    // Null while unknown (a new activation): the index or the reminder table may still hold an entry from before.
    private bool? listed;
    private bool? backstopSet;

    public bool Is(string reminderName) => reminderName == ReminderName;

    /// <summary>Before storing a state that adds events, so a silo that stops right after the write still finds this grain.</summary>
    public async Task BeforeRecording()
    {
        if (listed != true)
        {
            await index.List(grain.GrainContext.GrainId);
            listed = true;
        }
    }

    /// <summary>The backstop reminder fired: the grain is active again, its outbox is delivered.</summary>
    public Task OnReminder()
    {
        backstopSet = true;
        return Deliver();
    }

    /// <summary>Publishes the waiting events in order and forgets the confirmed ones; never throws.</summary>
    public async Task Deliver()
    {
        var pending = waiting();
        if (pending.Count > 0)
        {
            var confirmed = new HashSet<string>();
            Exception? failure = null;
            foreach (var integrationEvent in pending)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(PublishTimeout);
                    await publisher.Publish(integrationEvent, timeout.Token);
                    confirmed.Add(integrationEvent.EventId);
                }
                catch (Exception exception)
                {
                    failure = exception;
                    break;
                }
            }

            if (confirmed.Count > 0)
            {
                try
                {
                    await forget(confirmed);
                }
                catch (Exception exception)
                {
                    failure ??= exception;
                }
            }

            if (waiting().Count > 0)
            {
                await ScheduleRetry(failure);
                return;
            }

            if (failures > 0)
            {
                logger.LogInformation("Published the outbox of {Grain} after {Failures} failed attempts", grain.GrainContext.GrainId, failures);
            }
        }

        await Settle();
    }

    public void OnDeactivate()
    {
        retryTimer?.Dispose();
        retryTimer = null;
    }

    private async Task ScheduleRetry(Exception? failure)
    {
        failures++;
        var delay = RetryDelay(failures);
        logger.LogWarning(
            failure,
            "Publishing the outbox of {Grain} failed ({Failures} in a row, {Waiting} events waiting); retrying in {Delay}",
            grain.GrainContext.GrainId, failures, waiting().Count, delay);

        if (retryTimer is null)
        {
            retryTimer = grain.RegisterGrainTimer(
                static (outbox, _) => outbox.Deliver(),
                this,
                new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            retryTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }

        if (backstopSet != true)
        {
            try
            {
                await grain.RegisterOrUpdateReminder(ReminderName, BackstopPeriod, BackstopPeriod);
                backstopSet = true;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not register the outbox reminder of {Grain}", grain.GrainContext.GrainId);
            }
        }
    }

    /// <summary>The outbox is empty: stop retrying and drop the grain from the index. Best effort: a leftover only wakes the grain once more.</summary>
    private async Task Settle()
    {
        retryTimer?.Dispose();
        retryTimer = null;
        failures = 0;
        try
        {
            if (backstopSet != false)
            {
                if (await grain.GetReminder(ReminderName) is { } reminder)
                {
                    await grain.UnregisterReminder(reminder);
                }

                backstopSet = false;
            }

            if (listed != false)
            {
                await index.Unlist(grain.GrainContext.GrainId);
                listed = false;
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not clear the outbox bookkeeping of {Grain}", grain.GrainContext.GrainId);
        }
    }

    private static TimeSpan RetryDelay(int failures)
    {
        var doublings = Math.Min(failures - 1, 5);
        var delay = FirstRetry * Math.Pow(2, doublings);
        return delay < LongestRetry ? delay : LongestRetry;
    }
}
