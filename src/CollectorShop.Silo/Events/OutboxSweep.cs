using CollectorShop.Grains;

namespace CollectorShop.Silo.Events;

/// <summary>
/// At start-up, wakes every grain listed with a non-empty outbox so its events leave even though the
/// reminders that would have retried them were in memory and died with the previous process.
/// </summary>
public sealed class OutboxSweep(PendingOutboxes pending, IGrainFactory grains, ILogger<OutboxSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listed = await pending.All();
        if (listed.Count == 0)
        {
            return;
        }

        logger.LogInformation("Delivering the outboxes of {Count} grains left with unpublished events", listed.Count);
        foreach (var grain in listed)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<IOutboxGrain>(grain).DeliverOutbox();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not wake {Grain} to deliver its outbox; its own retries take over", grain);
            }
        }
    }
}
