using CollectorShop.Grains;
using CollectorShop.Silo.Notifications;

namespace CollectorShop.Silo.Events;

public enum Consumed
{
    /// <summary>Handled now; acknowledge.</summary>
    Handled,
    /// <summary>Handled before (a redelivery or a republished outbox event); acknowledge.</summary>
    Duplicate,
    /// <summary>Can never be handled; dead-letter it.</summary>
    Poison,
}

/// <summary>
/// The shop's consumer of order events, whatever carried them: skips events already handled, turns the
/// others into notifications in the buyer's and seller's inboxes, then records them as handled. Adding a
/// notification is idempotent, so a crash between the two only repeats harmless work.
/// </summary>
public sealed class OrderEventConsumer(IGrainFactory grains, ProcessedEvents processed, ILogger<OrderEventConsumer> logger)
{
    public async Task<Consumed> Consume(ReadOnlyMemory<byte> body)
    {
        if (!OrderEventMessage.TryRead(body.Span, out var message, out var problem))
        {
            logger.LogError("Rejected an unreadable order event: {Problem}", problem);
            return Consumed.Poison;
        }

        if (await processed.Contains(message.EventId))
        {
            logger.LogDebug("Order event {EventId} ({Type}) was already handled", message.EventId, message.Type);
            return Consumed.Duplicate;
        }

        foreach (var (userId, notification) in OrderNotifications.For(message))
        {
            await grains.GetGrain<INotificationInboxGrain>(userId).Add(notification);
        }

        await processed.Add(message.EventId, message.Type);
        return Consumed.Handled;
    }
}
