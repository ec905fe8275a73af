using System.Text.Json;
using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

/// <summary>A broker that keeps every event it confirmed, in order, and can be switched off to play an outage.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly Lock gate = new();
    private readonly List<IntegrationEvent> confirmed = [];
    private volatile bool down;

    /// <summary>While down, every publish throws, as an unreachable broker does.</summary>
    public bool IsDown { get => down; set => down = value; }

    public Task Publish(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (down)
        {
            throw new InvalidOperationException("The broker is down (test outage).");
        }

        lock (gate)
        {
            confirmed.Add(integrationEvent);
        }

        return Task.CompletedTask;
    }

    /// <summary>The confirmed order.* events of one order, in publish order.</summary>
    public IReadOnlyList<IntegrationEvent> OfOrder(string orderId) => About("order.", "orderId", orderId);

    /// <summary>The confirmed product.* events of one listing, in publish order.</summary>
    public IReadOnlyList<IntegrationEvent> OfListing(string productId) => About("product.", "productId", productId);

    public IReadOnlyList<string> TypesOfOrder(string orderId) => [.. OfOrder(orderId).Select(e => e.RoutingKey)];

    public static JsonElement Body(IntegrationEvent integrationEvent) => JsonDocument.Parse(integrationEvent.Payload).RootElement;

    private IReadOnlyList<IntegrationEvent> About(string typePrefix, string field, string id)
    {
        lock (gate)
        {
            return [.. confirmed.Where(e => e.RoutingKey.StartsWith(typePrefix, StringComparison.Ordinal)
                && Body(e).TryGetProperty(field, out var named) && named.GetString() == id)];
        }
    }
}
