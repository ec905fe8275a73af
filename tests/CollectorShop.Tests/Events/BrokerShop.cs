using System.Text;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using CollectorShop.Tests.Grains;
using CollectorShop.Tests.Http;
using Dapper;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;

namespace CollectorShop.Tests.Events;

/// <summary>A message as a test queue received it, copied out of the client's buffers.</summary>
public sealed record ReceivedMessage(string RoutingKey, IReadOnlyBasicProperties Properties, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>The real shop host publishing to its own virtual host of the test broker.</summary>
public sealed class BrokerShop
{
    private BrokerShop(ShopHost host, Uri url)
    {
        Host = host;
        Url = url;
    }

    public ShopHost Host { get; }

    /// <summary>The AMQP URL of this shop's virtual host.</summary>
    public Uri Url { get; }

    public IGrainFactory Grains => Host.Grains;

    /// <summary>Starts a host on a new virtual host (or the given one), on a new database folder (or the given one).</summary>
    public static BrokerShop Start(Uri url, string? folder = null)
    {
        var host = new ShopHost(folder, new Dictionary<string, string?> { ["RabbitMQ:Url"] = url.ToString() });
        _ = host.Services;
        return new BrokerShop(host, url);
    }

    /// <summary>Waits until the host declared its exchange and queues.</summary>
    public async Task TopologyDeclared()
    {
        await using var connection = await RabbitMqBroker.Connect(Url);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeclarePassiveAsync(EventTopology.OrdersQueue);
                await channel.QueueDeclarePassiveAsync(EventTopology.DeadLetterQueue);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>A durable queue of the test's own that receives every order event (order.#) and survives a broker restart.</summary>
    public async Task<string> OrderEventsQueue()
    {
        var name = $"test.order-events.{Guid.NewGuid():N}";
        await using var connection = await RabbitMqBroker.Connect(Url);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name, EventTopology.Exchange, "order.#");
        return name;
    }

    /// <summary>Takes exactly <paramref name="count"/> messages off the queue within the time given, failing the test otherwise.</summary>
    public async Task<List<ReceivedMessage>> Take(string queue, int count, TimeSpan within)
    {
        await using var connection = await RabbitMqBroker.Connect(Url);
        await using var channel = await connection.CreateChannelAsync();
        var received = new List<ReceivedMessage>();
        var deadline = DateTime.UtcNow + within;
        while (received.Count < count)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                received.Add(new ReceivedMessage(message.RoutingKey, message.BasicProperties, Encoding.UTF8.GetString(message.Body.Span)));
                continue;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {received.Count} of {count} messages reached {queue} within {within.TotalSeconds} s.");
            await Task.Delay(100);
        }

        await Task.Delay(300);
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
        return received;
    }

    public async Task Publish(string routingKey, string body)
    {
        await using var connection = await RabbitMqBroker.Connect(Url);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { MessageId = Guid.NewGuid().ToString("N"), ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(EventTopology.Exchange, routingKey, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The event ids the shop's consumer recorded as handled.</summary>
    public async Task<IReadOnlyList<string>> ProcessedEventIds()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Host.Folder, "shop.db")};Pooling=False");
        return [.. await connection.QueryAsync<string>("SELECT event_id FROM processed_events")];
    }

    public async Task<IReadOnlyList<string>> ListedOutboxes()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Host.Folder, "shop.db")};Pooling=False");
        return [.. await connection.QueryAsync<string>("SELECT grain_id FROM pending_outboxes")];
    }

    /// <summary>Waits until the consumer handled every one of these events.</summary>
    public async Task Handled(IEnumerable<string> eventIds, TimeSpan within)
    {
        var expected = eventIds.ToHashSet();
        var deadline = DateTime.UtcNow + within;
        while (!expected.IsSubsetOf(await ProcessedEventIds()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The consumer did not handle all {expected.Count} events within {within.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A new listing of a new seller, bought by a new buyer: the order is pending.</summary>
    public async Task<(IOrderGrain Grain, Order Order)> PendingOrder()
    {
        var product = Grains.GetGrain<IProductGrain>(ShopIds.New());
        Arrange.Value(await product.Submit(Arrange.Draft(), ShopIds.New(), "Camille"));
        Arrange.Value(await product.Approve());
        var grain = Grains.GetGrain<IOrderGrain>(ShopIds.New());
        var order = Arrange.Value(await grain.Place((await product.Get())!.Id, ShopIds.New(), $"{ShopIds.New()}@example.com"));
        return (grain, order);
    }

    public Task Stop() => Host.DisposeAsync().AsTask();

    public Task StopAndDelete() => Host.DisposeAndDelete();
}
