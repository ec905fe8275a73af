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
