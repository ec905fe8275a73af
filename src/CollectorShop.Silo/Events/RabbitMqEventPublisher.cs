using System.Text;
using CollectorShop.Grains;
using RabbitMQ.Client;

namespace CollectorShop.Silo.Events;

/// <summary>
/// Publishes outbox events to the collector-shop exchange as persistent JSON messages whose message-id is
/// the event id, each one completing only once the broker confirmed it. One channel, one publish at a
/// time. While the broker is away the connection recovers on its own and publishing fails at once, so
/// the grains' outboxes keep their events and retry.
/// </summary>
public sealed class RabbitMqEventPublisher(RabbitMqConnections connections) : IEventPublisher, IAsyncDisposable
{
    private const string ConnectionName = "collector-shop-publisher";

    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;
    private IChannel? channel;

    public async Task Publish(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var open = await OpenChannel(cancellationToken);
            var properties = new BasicProperties
            {
                MessageId = integrationEvent.EventId,
                Type = integrationEvent.RoutingKey,
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
            };
            await open.BasicPublishAsync(
                EventTopology.Exchange,
                integrationEvent.RoutingKey,
                mandatory: false,
                properties,
                Encoding.UTF8.GetBytes(integrationEvent.Payload),
                cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the connection is open, opening it first if nothing was published yet; throws while the broker is unreachable.</summary>
    public async Task<bool> Connected(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= await connections.Open(ConnectionName, cancellationToken);
            return connection.IsOpen;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }

    private async Task<IChannel> OpenChannel(CancellationToken cancellationToken)
    {
        connection ??= await connections.Open(ConnectionName, cancellationToken);
        if (!connection.IsOpen)
        {
            throw new InvalidOperationException($"RabbitMQ at {connections.Broker} is unreachable; the connection is recovering.");
        }

        if (channel is { IsOpen: true })
        {
            return channel;
        }

        // A channel closed while its connection is open was closed by an error, and is not recovered.
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return channel;
    }
}
