using Microsoft.Extensions.Logging;
using Orleans.Core;

namespace CollectorShop.Grains;

/// <summary>
/// Keeps the read model in step with one grain: after each stored change the grain hands
/// its public snapshot here. A failed projection never fails the request; the latest
/// snapshot is kept and retried on a grain timer with backoff until the read model takes
/// it, while the activation is kept alive. Versions make every retry harmless.
/// </summary>
internal sealed class ReadModelProjection<TSnapshot>(
    IGrainBase grain,
    Action<TimeSpan> delayDeactivation,
    Func<TSnapshot, int, Task> project,
    ILogger logger)
    where TSnapshot : class
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private (TSnapshot Snapshot, int Version)? unprojected;
    private IGrainTimer? retryTimer;
    private int failures;

    public bool IsBehind => unprojected is not null;

    /// <summary>Projects the snapshot of the state just stored; never throws.</summary>
    public Task Publish(TSnapshot snapshot, IStorage state) => Publish(snapshot, StateVersion.Of(state));

    public async Task Publish(TSnapshot snapshot, int version)
    {
        if (unprojected is { } waiting && waiting.Version > version)
        {
            return;
        }

        unprojected = (snapshot, version);
        await TryProject();
    }

    /// <summary>A last attempt before the activation goes away; the next activation re-projects anyway.</summary>
    public async Task OnDeactivate()
    {
        if (unprojected is not null)
        {
            await TryProject();
        }

        retryTimer?.Dispose();
        retryTimer = null;
    }

    private async Task TryProject()
    {
        if (unprojected is not { } pending)
        {
            return;
        }

        try
        {
            await project(pending.Snapshot, pending.Version);
        }
        catch (Exception exception)
        {
            failures++;
            var delay = RetryDelay(failures);
            logger.LogWarning(
                exception,
                "Projecting {Grain} version {Version} to the read model failed ({Failures} in a row); retrying in {Delay}",
                grain.GrainContext.GrainId, pending.Version, failures, delay);
            ScheduleRetry(delay);
            return;
        }

        if (failures > 0)
        {
            logger.LogInformation(
                "Projected {Grain} version {Version} to the read model after {Failures} failed attempts",
                grain.GrainContext.GrainId, pending.Version, failures);
        }

        unprojected = null;
        failures = 0;
        retryTimer?.Dispose();
        retryTimer = null;
        delayDeactivation(TimeSpan.Zero);
    }

    private void ScheduleRetry(TimeSpan delay)
    {
        // Without this the activation could be collected while idle and the snapshot lost until its next activation.
        delayDeactivation(Timeout.InfiniteTimeSpan);
        if (retryTimer is null)
        {
            retryTimer = grain.RegisterGrainTimer(
                static (projection, _) => projection.TryProject(),
                this,
                new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            retryTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private static TimeSpan RetryDelay(int failures)
    {
        var doublings = Math.Min(failures - 1, 5);
        var delay = FirstRetry * Math.Pow(2, doublings);
        return delay < LongestRetry ? delay : LongestRetry;
    }
}
