using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using RabbitMQ.Client;
using static CollectorShop.Tests.Grains.Arrange;
using static CollectorShop.Tests.Grains.ArrangeOrders;

namespace CollectorShop.Tests.Events;

/// <summary>The real host against the real broker, each test on its own virtual host.</summary>
[Collection(RabbitMqBrokerCollection.Name)]
public sealed class RabbitMqEventTests
{
    [Fact]
    public async Task An_orders_whole_life_reaches_the_exchange_as_persistent_json_messages_in_order()
    {
        var shop = BrokerShop.Start(await RabbitMqBroker.NewVirtualHost());
        try
        {
            await shop.TopologyDeclared();
            var queue = await shop.OrderEventsQueue();
            var (grain, placed) = await shop.PendingOrder();
            var paid = Value(await grain.MarkPaid(DevPayment()));
            var shipped = Value(await grain.Ship(placed.SellerId, "Colissimo", "8R1"));
            var completed = Value(await grain.ConfirmReceipt(placed.BuyerId));

            var messages = await shop.Take(queue, 4, TimeSpan.FromSeconds(30));

            Assert.Equal(["order.created", "order.paid", "order.shipped", "order.completed"], messages.Select(m => m.RoutingKey));
            foreach (var (message, order) in messages.Zip([placed, paid, shipped, completed]))
            {
                var body = message.Json;
                Assert.Equal(body.GetProperty("eventId").GetString(), message.Properties.MessageId);
                Assert.Equal(DeliveryModes.Persistent, message.Properties.DeliveryMode);
                Assert.Equal("application/json", message.Properties.ContentType);
                Assert.Equal(message.RoutingKey, body.GetProperty("type").GetString());
                Assert.Equal(order.UpdatedAt, body.GetProperty("occurredAt").GetDateTimeOffset());
                Assert.Equal(order.Id, body.GetProperty("orderId").GetString());
                Assert.Equal(order.ProductId, body.GetProperty("productId").GetString());
                Assert.Equal("Signed tour poster", body.GetProperty("productTitle").GetString());
                Assert.Equal(order.BuyerId, body.GetProperty("buyerId").GetString());
                Assert.Equal(order.BuyerEmail, body.GetProperty("buyerEmail").GetString());
                Assert.Equal(order.SellerId, body.GetProperty("sellerId").GetString());
                Assert.Equal(104.50m, body.GetProperty("totalPrice").GetDecimal());
                Assert.Equal(1, body.GetProperty("quantity").GetInt32());
                Assert.Equal(order.Status.ToString().ToLowerInvariant(), body.GetProperty("status").GetString());
                Assert.Equal(placed.CreatedAt, body.GetProperty("createdAt").GetDateTimeOffset());
            }

            Assert.Equal(4, messages.Select(m => m.Properties.MessageId).Distinct().Count());
            await shop.Handled(messages.Select(m => m.Properties.MessageId!), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await shop.StopAndDelete();
        }
    }

    [Fact]
    public async Task The_shop_declares_a_durable_topic_exchange_and_a_durable_orders_queue_bound_to_order_events()
    {
        var shop = BrokerShop.Start(await RabbitMqBroker.NewVirtualHost());
        try
        {
            await shop.TopologyDeclared();
            var vhost = RabbitMqBroker.VirtualHostOf(shop.Url);

            var exchanges = await Listed(vhost, "list_exchanges", "name", "type", "durable");
            var queues = await Listed(vhost, "list_queues", "name", "durable", "type", "arguments");
            var bindings = await Listed(vhost, "list_bindings", "source_name", "destination_name", "routing_key");

            var exchange = exchanges.Single(e => e.GetProperty("name").GetString() == EventTopology.Exchange);
            Assert.Equal(("topic", true), (exchange.GetProperty("type").GetString(), exchange.GetProperty("durable").GetBoolean()));
            var dlx = exchanges.Single(e => e.GetProperty("name").GetString() == EventTopology.DeadLetterExchange);
            Assert.True(dlx.GetProperty("durable").GetBoolean());
            var orders = queues.Single(q => q.GetProperty("name").GetString() == EventTopology.OrdersQueue);
            Assert.True(orders.GetProperty("durable").GetBoolean());
            Assert.Equal("quorum", orders.GetProperty("type").GetString());
            Assert.Contains("collector-shop.dlx", orders.GetProperty("arguments").GetRawText());
            Assert.True(queues.Single(q => q.GetProperty("name").GetString() == EventTopology.DeadLetterQueue).GetProperty("durable").GetBoolean());
            var routes = bindings.Select(b => (b.GetProperty("source_name").GetString(), b.GetProperty("destination_name").GetString(), b.GetProperty("routing_key").GetString())).ToList();
            Assert.Contains(("collector-shop", "orders", "order.*"), routes);
            Assert.Contains(("collector-shop.dlx", "orders.dead", "#"), routes);
        }
        finally
        {
            await shop.StopAndDelete();
        }
    }

    [Fact]
    public async Task Orders_placed_and_paid_while_the_broker_is_down_all_succeed_and_their_events_arrive_once_it_is_back()
    {
        var shop = BrokerShop.Start(await RabbitMqBroker.NewVirtualHost());
        try
        {
            await shop.TopologyDeclared();
            var queue = await shop.OrderEventsQueue();
            var orders = new List<Order>();

            await RabbitMqBroker.StopApp();
            try
            {
                for (var i = 0; i < 20; i++)
                {
                    var (grain, _) = await shop.PendingOrder();
                    orders.Add(Value(await grain.MarkPaid(DevPayment())));
                }

                var listed = await shop.ListedOutboxes();
                Assert.All(orders, order => Assert.Contains($"order/{order.Id}", listed));
            }
            finally
            {
                await RabbitMqBroker.StartApp();
            }

            var messages = await shop.Take(queue, 40, TimeSpan.FromSeconds(90));

            foreach (var order in orders)
            {
                Assert.Equal(["order.created", "order.paid"], messages.Where(m => m.Json.GetProperty("orderId").GetString() == order.Id).Select(m => m.RoutingKey));
            }

            var eventIds = messages.Select(m => m.Properties.MessageId!).ToList();
            Assert.Equal(40, eventIds.Distinct().Count());
            await shop.Handled(eventIds, TimeSpan.FromSeconds(60));
            Assert.Equal(eventIds.Order(), (await shop.ProcessedEventIds()).Order());
            foreach (var order in orders)
            {
                var sellerNotes = await shop.Grains.GetGrain<INotificationInboxGrain>(order.SellerId).List(unreadOnly: false);
                var buyerNotes = await shop.Grains.GetGrain<INotificationInboxGrain>(order.BuyerId).List(unreadOnly: false);
                Assert.Equal(["order.paid", "order.created"], sellerNotes.Select(n => n.Type));
                Assert.Equal(["order.paid"], buyerNotes.Select(n => n.Type));
            }
        }
        finally
        {
            await shop.StopAndDelete();
        }
    }

    [Fact]
    public async Task Events_still_in_the_outbox_when_the_silo_stops_are_delivered_after_it_restarts()
    {
        var url = await RabbitMqBroker.NewVirtualHost();
        var first = BrokerShop.Start(url);
        var orders = new List<Order>();
        string queue;
        try
        {
            await first.TopologyDeclared();
            queue = await first.OrderEventsQueue();
            await RabbitMqBroker.StopApp();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    var (grain, _) = await first.PendingOrder();
                    orders.Add(Value(await grain.MarkPaid(DevPayment())));
                }

                await first.Stop();
            }
            finally
            {
                await RabbitMqBroker.StartApp();
            }
        }
        catch
        {
            await first.StopAndDelete();
            throw;
        }

        Assert.NotEmpty(await first.ListedOutboxes());
        var second = BrokerShop.Start(url, first.Host.Folder);
        try
        {
            var messages = await second.Take(queue, 6, TimeSpan.FromSeconds(60));

            Assert.Equal(
                orders.Select(o => o.Id).Order(),
                messages.Select(m => m.Json.GetProperty("orderId").GetString()!).Distinct().Order());
            Assert.All(orders, order => Assert.Equal(
                ["order.created", "order.paid"],
                messages.Where(m => m.Json.GetProperty("orderId").GetString() == order.Id).Select(m => m.RoutingKey)));
            await second.Handled(messages.Select(m => m.Properties.MessageId!), TimeSpan.FromSeconds(30));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await second.ListedOutboxes()).Count > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "Some grains are still listed with a non-empty outbox after 30 s.");
                await Task.Delay(200);
            }
        }
        finally
        {
            await second.StopAndDelete();
        }
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("{\"eventId\": \"e-1\", \"type\": \"order.paid\"}")]
    [InlineData("{\"eventId\": 42, \"type\": \"order.paid\"}")]
    public async Task A_message_the_consumer_cannot_read_ends_in_the_dead_letter_queue(string body)
    {
        var shop = BrokerShop.Start(await RabbitMqBroker.NewVirtualHost());
        try
        {
            await shop.TopologyDeclared();

            await shop.Publish("order.paid", body);

            var dead = Assert.Single(await shop.Take(EventTopology.DeadLetterQueue, 1, TimeSpan.FromSeconds(30)));
            Assert.Equal(body, dead.Body);
            Assert.Equal("order.paid", dead.RoutingKey);
            Assert.Empty(await shop.ProcessedEventIds());
        }
        finally
        {
            await shop.StopAndDelete();
        }
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_the_delivery_limit()
    {
        var url = await RabbitMqBroker.NewVirtualHost();
        await using var connection = await RabbitMqBroker.Connect(url);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await EventTopology.Declare(channel, CancellationToken.None);
        await channel.BasicPublishAsync(EventTopology.Exchange, "order.paid", true, new BasicProperties { DeliveryMode = DeliveryModes.Persistent }, "{}"u8.ToArray());

        var deliveries = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await channel.BasicGetAsync(EventTopology.OrdersQueue, autoAck: false) is { } delivery)
            {
                deliveries++;
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
            }
            else if (await channel.BasicGetAsync(EventTopology.DeadLetterQueue, autoAck: true) is not null)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The message was delivered {deliveries} times and never dead-lettered.");
            await Task.Delay(50);
        }

        Assert.Equal(EventTopology.DeliveryLimit + 1, deliveries);
    }

    private static async Task<List<JsonElement>> Listed(string vhost, string command, params string[] columns)
    {
        var output = await RabbitMqBroker.Ctl([command, "-p", vhost, .. columns, "--formatter", "json", "--quiet"]);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray()];
    }
}
