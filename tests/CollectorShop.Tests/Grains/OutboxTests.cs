using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;
using static CollectorShop.Tests.Grains.ArrangeOrders;

namespace CollectorShop.Tests.Grains;

/// <summary>
/// Order and listing events are stored with the change that causes them and published afterwards.
/// Tests that switch the shared broker off run in this class only, one after the other.
/// </summary>
[Collection(ShopClusterCollection.Name)]
public sealed class OutboxTests(ShopCluster shop)
{
    [Fact]
    public async Task An_orders_whole_life_publishes_one_event_per_transition_in_order_with_the_documented_body()
    {
        var (grain, placed, _) = await shop.PendingOrder(price: 120m);
        var paid = Value(await grain.MarkPaid(DevPayment()));
        var shipped = Value(await grain.Ship(placed.SellerId, "Colissimo", "8R1"));
        var completed = Value(await grain.ConfirmReceipt(placed.BuyerId));

        var events = shop.Events.OfOrder(placed.Id);

        Assert.Equal([OrderEvents.Created, OrderEvents.Paid, OrderEvents.Shipped, OrderEvents.Completed], events.Select(e => e.RoutingKey));
        Assert.Equal(4, events.Select(e => e.EventId).Distinct().Count());
        foreach (var (integrationEvent, order) in events.Zip([placed, paid, shipped, completed]))
        {
            var body = RecordingEventPublisher.Body(integrationEvent);
            Assert.Equal(
                ["eventId", "type", "occurredAt", "orderId", "productId", "productTitle", "buyerId", "buyerEmail", "sellerId", "totalPrice", "quantity", "status", "createdAt"],
                body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(integrationEvent.EventId, body.GetProperty("eventId").GetString());
            Assert.Equal(integrationEvent.RoutingKey, body.GetProperty("type").GetString());
            Assert.Equal(order.UpdatedAt, body.GetProperty("occurredAt").GetDateTimeOffset());
            Assert.Equal(order.ProductId, body.GetProperty("productId").GetString());
            Assert.Equal(order.Product.Title, body.GetProperty("productTitle").GetString());
            Assert.Equal(order.BuyerId, body.GetProperty("buyerId").GetString());
            Assert.Equal(order.BuyerEmail, body.GetProperty("buyerEmail").GetString());
            Assert.Equal(order.SellerId, body.GetProperty("sellerId").GetString());
            Assert.Equal(124.50m, body.GetProperty("totalPrice").GetDecimal());
            Assert.Equal(1, body.GetProperty("quantity").GetInt32());
            Assert.Equal(order.Status.ToString().ToLowerInvariant(), body.GetProperty("status").GetString());
            Assert.Equal(placed.CreatedAt, body.GetProperty("createdAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task A_listings_moderation_price_changes_and_sale_are_published_with_the_listing_facts()
    {
        var (product, submitted) = await shop.SubmittedListing(price: 80m);
        var seller = new Actor(submitted.SellerId, IsAdmin: false);
        Value(await product.Reject("Blurry photos"));
        Value(await product.Edit(new ListingChanges(null, null, 75m, null, null, null, null), seller));
        Value(await product.Approve());
        var order = Value(await shop.Order(ShopIds.New()).Place(submitted.Id, ShopIds.New(), "buyer@example.com"));
        Value(await shop.Order(order.Id).MarkPaid(DevPayment()));

        var events = shop.Events.OfListing(submitted.Id);

        Assert.Equal(
            [ListingEvents.Submitted, ListingEvents.Rejected, ListingEvents.PriceChanged, ListingEvents.Submitted, ListingEvents.Approved, ListingEvents.Sold],
            events.Select(e => e.RoutingKey));
        var bodies = events.Select(RecordingEventPublisher.Body).ToList();
        Assert.All(bodies, body => Assert.Equal(submitted.SellerId, body.GetProperty("sellerId").GetString()));
        Assert.Equal("Blurry photos", bodies[1].GetProperty("rejectionReason").GetString());
        Assert.Equal((80m, 75m), (bodies[2].GetProperty("previousPrice").GetDecimal(), bodies[2].GetProperty("price").GetDecimal()));
        Assert.Equal("pending", bodies[3].GetProperty("status").GetString());
        Assert.Equal(order.Id, bodies[5].GetProperty("orderId").GetString());
        Assert.False(bodies[4].TryGetProperty("orderId", out _));
    }

    [Fact]
    public async Task A_reservation_and_its_release_publish_nothing()
    {
        var (product, listing) = await shop.AvailableListing();
        var before = shop.Events.OfListing(listing.Id).Count;

        Value(await product.Reserve("order-1", ShopIds.New(), DateTimeOffset.UtcNow.AddMinutes(5)));
        await product.Release("order-1");

        Assert.Equal(before, shop.Events.OfListing(listing.Id).Count);
    }

    [Fact]
    public async Task A_broker_outage_never_fails_a_change_and_the_waiting_events_leave_in_order_once_it_is_back()
    {
        IOrderGrain grain;
        Order placed;
        shop.Events.IsDown = true;
        try
        {
            (grain, placed, _) = await shop.PendingOrder();
            Value(await grain.MarkPaid(DevPayment()));
            Assert.Empty(shop.Events.OfOrder(placed.Id));
            Assert.True(shop.OutboxIndex.Lists(grain.GetGrainId()));
        }
        finally
        {
            shop.Events.IsDown = false;
        }

        await Eventually.Holds(
            () => shop.Events.OfOrder(placed.Id).Count == 2,
            TimeSpan.FromSeconds(20),
            "the retry timer published both events");

        Assert.Equal([OrderEvents.Created, OrderEvents.Paid], shop.Events.TypesOfOrder(placed.Id));
        await Eventually.Holds(() => !shop.OutboxIndex.Lists(grain.GetGrainId()), TimeSpan.FromSeconds(5), "the empty outbox was unlisted");
    }

    [Fact]
    public async Task Events_left_in_a_deactivated_grains_outbox_leave_once_it_is_woken()
    {
        IOrderGrain grain;
        Order placed;
        shop.Events.IsDown = true;
        try
        {
            (grain, placed, _) = await shop.PendingOrder();
            await shop.Cluster.DeactivateAsync(grain);
        }
        finally
        {
            shop.Events.IsDown = false;
        }

        Assert.True(shop.OutboxIndex.Lists(grain.GetGrainId()));
        await grain.DeliverOutbox();

        Assert.Equal([OrderEvents.Created], shop.Events.TypesOfOrder(placed.Id));
        Assert.False(shop.OutboxIndex.Lists(grain.GetGrainId()));
    }

    [Fact]
    public async Task A_change_that_cannot_be_stored_publishes_nothing_and_a_retried_notice_completes_it()
    {
        var (grain, placed, _) = await shop.PendingOrder();
        var payment = DevPayment();
        using (shop.Storage.FailWrites(id => id == grain.GetGrainId()))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.MarkPaid(payment));
        }

        Assert.Equal(OrderStatus.Pending, (await grain.Get())!.Status);
        Assert.Equal([OrderEvents.Created], shop.Events.TypesOfOrder(placed.Id));

        Assert.Equal(OrderStatus.Paid, Value(await grain.MarkPaid(payment)).Status);
        Assert.Equal([OrderEvents.Created, OrderEvents.Paid], shop.Events.TypesOfOrder(placed.Id));
    }
}
