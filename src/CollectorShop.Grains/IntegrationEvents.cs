namespace CollectorShop.Grains;

/// <summary>
/// An event waiting in a grain's outbox: the routing key (= the event type, e.g. order.paid)
/// and the complete JSON message body, which carries eventId, type, occurredAt and the facts.
/// </summary>
[GenerateSerializer, Immutable, Alias("IntegrationEvent")]
public sealed record IntegrationEvent(string EventId, string RoutingKey, string Payload);

/// <summary>Hands events to the broker (RabbitMQ, or the in-process channel when none is configured).</summary>
public interface IEventPublisher
{
    /// <summary>Completes only once the broker confirmed the message; throws when it could not.</summary>
    Task Publish(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>
/// The durable list of grains whose outbox may hold events. A grain is listed before the write that
/// records an event and unlisted once its outbox is empty, so a starting silo can wake every grain
/// that still owes events (the embedded mode's in-memory reminders do not survive a restart).
/// </summary>
public interface IOutboxIndex
{
    Task List(GrainId grain);

    Task Unlist(GrainId grain);
}
