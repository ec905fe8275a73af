using RabbitMQ.Client;

namespace CollectorShop.Silo.Events;

/// <summary>The shop's RabbitMQ names (DOMAIN.md) and their one declaration; every declaration is idempotent.</summary>
public static class EventTopology
{
    public const string Exchange = "collector-shop";
    public const string OrdersQueue = "orders";
    public const string OrdersBinding = "order.*";
    public const string DeadLetterExchange = "collector-shop.dlx";
    public const string DeadLetterQueue = "orders.dead";

    /// <summary>Deliveries of one message before the broker dead-letters it instead of handing it out again.</summary>
    public const int DeliveryLimit = 5;

    /// <summary>Whether a routing key reaches the orders queue: exactly two words, the first "order".</summary>
    public static bool ReachesOrdersQueue(string routingKey) =>
        routingKey.StartsWith("order.", StringComparison.Ordinal) && routingKey.IndexOf('.', "order.".Length) < 0;

    public static async Task Declare(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, "#", cancellationToken: cancellationToken);

        // A quorum queue counts deliveries, so a message that keeps failing goes to the dead letters instead of looping.
        await channel.QueueDeclareAsync(
            OrdersQueue,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = DeliveryLimit,
                ["x-dead-letter-exchange"] = DeadLetterExchange,
            },
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(OrdersQueue, Exchange, OrdersBinding, cancellationToken: cancellationToken);
    }
}
