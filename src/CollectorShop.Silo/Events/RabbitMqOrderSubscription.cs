using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CollectorShop.Silo.Events;

/// <summary>
/// Consumes the orders queue with manual acknowledgements: a handled or duplicate event is acked, an
/// unreadable one is rejected to the dead letters at once, and one whose handling failed is handed back
/// after a pause — the queue's delivery limit dead-letters it if it keeps failing.
/// </summary>
public sealed class RabbitMqOrderSubscription(
    RabbitMqConnections connections,
    OrderEventConsumer consumer,
    ILogger<RabbitMqOrderSubscription> logger)
    : BackgroundService
{
    private static readonly TimeSpan ConnectRetry = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PauseBeforeRedelivery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Integration events go through RabbitMQ at {Broker}", connections.Broker);
        await using var connection = await Connect(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 8, global: false, stoppingToken);
        var subscription = new AsyncEventingBasicConsumer(channel);
        subscription.ReceivedAsync += (_, delivery) => Handle(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(EventTopology.OrdersQueue, autoAck: false, subscription, stoppingToken);
        logger.LogInformation("Consuming queue {Queue}", EventTopology.OrdersQueue);

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await channel.CloseAsync(CancellationToken.None);
        }
    }

    /// <summary>The first connection is retried until the broker answers; after that the client recovers it by itself.</summary>
    private async Task<IConnection> Connect(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await connections.Open("collector-shop-consumer", stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "RabbitMQ at {Broker} is unreachable; trying again in {Delay}", connections.Broker, ConnectRetry);
                await Task.Delay(ConnectRetry, stoppingToken);
            }
        }
    }

    private async Task Handle(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        Consumed outcome;
        try
        {
            outcome = await consumer.Consume(delivery.Body.ToArray());
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Handling message {MessageId} ({RoutingKey}) failed; handing it back to the queue", delivery.BasicProperties.MessageId, delivery.RoutingKey);
            await Task.Delay(PauseBeforeRedelivery, stoppingToken);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            return;
        }

        if (outcome == Consumed.Poison)
        {
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
            return;
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }
}
