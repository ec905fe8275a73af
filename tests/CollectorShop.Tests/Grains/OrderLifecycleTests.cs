using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;
using static CollectorShop.Tests.Grains.ArrangeOrders;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class OrderLifecycleTests(ShopCluster shop)
{
    private static readonly TimeSpan Reservation = TimeSpan.FromMinutes(ShopCluster.ReservationMinutes);

    [Fact]
    public async Task Paying_a_pending_order_sells_the_item_and_records_the_payment_and_its_time()
    {
        var (grain, placed, product) = await shop.PendingOrder();
        var payment = new Payment(PaymentProvider.Stripe, "cs_test_1", "pi_test_1");
        var before = DateTimeOffset.UtcNow;

        var paid = Value(await grain.MarkPaid(payment));

        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(payment, paid.Payment);
        Assert.InRange(paid.PaidAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(paid.PaidAt, paid.UpdatedAt);
        var sold = (await product.Get())!;
        Assert.Equal(ListingStatus.Sold, sold.Status);
        Assert.Null(sold.Reservation);
        Assert.Equivalent(paid, shop.ReadModel.Current<Order>(placed.Id));
        Assert.Empty(shop.Refunds.Of(placed.Id));
    }

    [Fact]
    public async Task A_repeated_payment_notice_for_the_same_session_changes_nothing()
    {
        var (grain, _, _) = await shop.PendingOrder();
        var payment = DevPayment();
        var paid = Value(await grain.MarkPaid(payment));
        var version = shop.ReadModel.CurrentVersion<Order>(paid.Id);

        var again = Value(await grain.MarkPaid(payment));

        Assert.Equivalent(paid, again);
        Assert.Equal(version, shop.ReadModel.CurrentVersion<Order>(paid.Id));
        Assert.Equal([OrderEvents.Created, OrderEvents.Paid], shop.Events.TypesOfOrder(paid.Id));
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Refunded)]
    public async Task A_repeated_payment_notice_after_the_order_moved_on_changes_nothing(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Assert.Equivalent(order, Value(await grain.MarkPaid(order.Payment!)));
        Assert.Equivalent(order, await grain.Get());
    }

    [Fact]
    public async Task Another_payment_session_for_a_paid_order_is_a_conflict()
    {
        var (grain, paid, _) = await shop.OrderIn(OrderStatus.Paid);

        Refused(await grain.MarkPaid(DevPayment()), RefusalKind.Conflict);

        Assert.Equivalent(paid, await grain.Get());
    }

    [Fact]
    public async Task Paying_an_unknown_order_is_not_found()
    {
        Refused(await shop.Order(ShopIds.New()).MarkPaid(DevPayment()), RefusalKind.NotFound);
    }

    [Fact]
    public async Task The_seller_ships_a_paid_order_with_its_carrier_and_tracking_number()
    {
        var (grain, paid, _) = await shop.OrderIn(OrderStatus.Paid);

        var shipped = Value(await grain.Ship(paid.SellerId, "Colissimo", "8R00000000001"));

        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        Assert.Equal(("Colissimo", "8R00000000001"), (shipped.Carrier, shipped.TrackingNumber));
        Assert.True(shipped.ShippedAt >= paid.PaidAt);
        Assert.Equal(shipped.ShippedAt, shipped.UpdatedAt);
        Assert.Equivalent(shipped, shop.ReadModel.Current<Order>(paid.Id));
    }

    [Fact]
    public async Task Only_the_items_seller_can_ship_an_order()
    {
        var (grain, paid, _) = await shop.OrderIn(OrderStatus.Paid);

        Refused(await grain.Ship(paid.BuyerId, null, null), RefusalKind.Forbidden);
        Refused(await grain.Ship(ShopIds.New(), null, null), RefusalKind.Forbidden);

        Assert.Equivalent(paid, await grain.Get());
    }

    [Fact]
    public async Task Shipping_again_with_the_same_details_changes_nothing_and_with_other_details_is_a_conflict()
    {
        var (grain, shipped, _) = await shop.OrderIn(OrderStatus.Shipped);

        Assert.Equivalent(shipped, Value(await grain.Ship(shipped.SellerId, shipped.Carrier, shipped.TrackingNumber)));
        Refused(await grain.Ship(shipped.SellerId, "DHL", "JD0000000001"), RefusalKind.Conflict);

        Assert.Equivalent(shipped, await grain.Get());
        Assert.Single(shop.Events.OfOrder(shipped.Id), e => e.RoutingKey == OrderEvents.Shipped);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Refunded)]
    public async Task Only_a_paid_order_can_be_shipped(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Refused(await grain.Ship(order.SellerId, "DHL", "JD0000000001"), RefusalKind.Conflict);

        Assert.Equivalent(order, await grain.Get());
    }

    [Fact]
    public async Task The_buyer_confirming_receipt_completes_a_shipped_order_and_a_repeat_changes_nothing()
    {
        var (grain, shipped, _) = await shop.OrderIn(OrderStatus.Shipped);

        var completed = Value(await grain.ConfirmReceipt(shipped.BuyerId));
        var again = Value(await grain.ConfirmReceipt(shipped.BuyerId));

        Assert.Equal(OrderStatus.Completed, completed.Status);
        Assert.True(completed.CompletedAt >= shipped.ShippedAt);
        Assert.Equivalent(completed, again);
        Assert.Single(shop.Events.OfOrder(shipped.Id), e => e.RoutingKey == OrderEvents.Completed);
    }

    [Fact]
    public async Task Only_the_buyer_can_confirm_receipt()
    {
        var (grain, shipped, _) = await shop.OrderIn(OrderStatus.Shipped);

        Refused(await grain.ConfirmReceipt(shipped.SellerId), RefusalKind.Forbidden);
        Refused(await grain.ConfirmReceipt(ShopIds.New()), RefusalKind.Forbidden);

        Assert.Equivalent(shipped, await grain.Get());
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Refunded)]
    public async Task Only_a_shipped_order_can_be_confirmed_as_received(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Refused(await grain.ConfirmReceipt(order.BuyerId), RefusalKind.Conflict);

        Assert.Equivalent(order, await grain.Get());
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Shipped)]
    public async Task An_admin_refund_gives_the_whole_payment_back_once_and_a_repeat_changes_nothing(OrderStatus status)
    {
        var (grain, order, product) = await shop.OrderIn(status);

        var refunded = Value(await grain.Refund());
        var again = Value(await grain.Refund());

        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.True(refunded.RefundedAt >= order.UpdatedAt);
        Assert.Equivalent(refunded, again);
        Assert.Equal([new RefundRequest(order.Id, order.Payment!, order.TotalPrice)], shop.Refunds.Of(order.Id));
        Assert.Single(shop.Events.OfOrder(order.Id), e => e.RoutingKey == OrderEvents.Refunded);
        Assert.Equal(ListingStatus.Sold, (await product.Get())!.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Completed)]
    public async Task Only_a_paid_or_shipped_order_can_be_refunded(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Refused(await grain.Refund(), RefusalKind.Conflict);

        Assert.Equivalent(order, await grain.Get());
        Assert.Empty(shop.Refunds.Of(order.Id));
    }

    [Fact]
    public async Task An_ended_payment_session_expires_the_order_at_once_and_frees_the_item()
    {
        var (grain, placed, product) = await shop.PendingOrder();

        var expired = Value(await grain.Expire());
        var again = Value(await grain.Expire());

        Assert.Equal(OrderStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAt);
        Assert.Equivalent(expired, again);
        Assert.Equal(ListingStatus.Available, (await product.Get())!.Status);
        Assert.Equal([OrderEvents.Created, OrderEvents.Expired], shop.Events.TypesOfOrder(placed.Id));
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Only_a_pending_order_can_expire(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Refused(await grain.Expire(), RefusalKind.Conflict);

        Assert.Equivalent(order, await grain.Get());
    }

    [Fact]
    public async Task Cancelling_records_the_time_of_cancellation()
    {
        var (grain, placed, _) = await shop.PendingOrder();

        var cancelled = Value(await grain.Cancel(placed.BuyerId));

        Assert.Equal(cancelled.UpdatedAt, cancelled.CancelledAt);
        Assert.Null(cancelled.ExpiredAt);
    }

    [Fact]
    public async Task A_payment_after_the_order_expired_and_the_item_went_to_someone_else_is_refunded()
    {
        var (grain, order, product) = await shop.OrderIn(OrderStatus.Expired);
        var other = Value(await shop.Order(ShopIds.New()).Place(order.ProductId, ShopIds.New(), "other@example.com"));
        var payment = DevPayment();

        var refunded = Value(await grain.MarkPaid(payment));

        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.Equal(payment, refunded.Payment);
        Assert.NotNull(refunded.PaidAt);
        Assert.Equal(refunded.PaidAt, refunded.RefundedAt);
        Assert.Equal([new RefundRequest(order.Id, payment, order.TotalPrice)], shop.Refunds.Of(order.Id));
        Assert.Equal(other.Id, (await product.Get())!.Reservation!.OrderId);
        Assert.Equal([OrderEvents.Created, OrderEvents.Expired, OrderEvents.Refunded], shop.Events.TypesOfOrder(order.Id));
    }

    [Fact]
    public async Task A_repeated_late_payment_notice_refunds_only_once()
    {
        var (grain, order, _) = await shop.OrderIn(OrderStatus.Cancelled);
        Value(await shop.Order(ShopIds.New()).Place(order.ProductId, ShopIds.New(), "other@example.com"));
        var payment = DevPayment();

        var refunded = Value(await grain.MarkPaid(payment));
        var again = Value(await grain.MarkPaid(payment));

        Assert.Equivalent(refunded, again);
        Assert.Single(shop.Refunds.Of(order.Id));
    }

    [Theory]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task A_payment_after_the_hold_lapsed_buys_the_item_when_it_is_still_available_at_the_same_terms(OrderStatus status)
    {
        var (grain, order, product) = await shop.OrderIn(status);

        var paid = Value(await grain.MarkPaid(DevPayment()));

        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(ListingStatus.Sold, (await product.Get())!.Status);
        Assert.Empty(shop.Refunds.Of(order.Id));
        Assert.Equal(OrderEvents.Paid, shop.Events.TypesOfOrder(order.Id)[^1]);
    }

    [Fact]
    public async Task A_payment_after_expiry_is_refunded_when_the_seller_changed_the_price_meanwhile()
    {
        var (grain, order, product) = await shop.OrderIn(OrderStatus.Expired);
        var listing = (await product.Get())!;
        Value(await product.Edit(new ListingChanges(null, null, order.Price + 20m, null, null, null, null), new Actor(listing.SellerId, false)));

        var refunded = Value(await grain.MarkPaid(DevPayment()));

        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.Single(shop.Refunds.Of(order.Id));
        var after = (await product.Get())!;
        Assert.Equal(ListingStatus.Available, after.Status);
        Assert.Null(after.Reservation);
    }

    [Fact]
    public async Task A_payment_notice_racing_the_reservation_expiry_gives_one_consistent_outcome()
    {
        var placed = new List<(IOrderGrain Grain, Order Order)>();
        for (var i = 0; i < 8; i++)
        {
            var (grain, order, _) = await shop.PendingOrder();
            placed.Add((grain, order));
        }

        var untilDeadline = placed.Max(p => p.Order.ExpiresAt!.Value) - DateTimeOffset.UtcNow;
        if (untilDeadline > TimeSpan.Zero)
        {
            await Task.Delay(untilDeadline);
        }

        // At the deadline each item is claimed at once by the late payment and by a second buyer.
        var races = placed.Select(async p =>
        {
            var rival = shop.Order(ShopIds.New());
            var payment = p.Grain.MarkPaid(DevPayment());
            var rivalPlacement = PlaceUntilDecided(rival, p.Order);
            return (p.Order, Outcome: await payment, Rival: await rivalPlacement);
        });

        foreach (var (order, outcome, rival) in await Task.WhenAll(races))
        {
            var settled = Value(outcome);
            var listing = (await shop.Listing(order.ProductId).Get())!;
            if (settled.Status == OrderStatus.Paid)
            {
                Assert.Equal(ListingStatus.Sold, listing.Status);
                Assert.Null(rival);
                Assert.Empty(shop.Refunds.Of(order.Id));
            }
            else
            {
                Assert.Equal(OrderStatus.Refunded, settled.Status);
                Assert.NotNull(rival);
                Assert.NotEqual(ListingStatus.Sold, listing.Status);
                Assert.Single(shop.Refunds.Of(order.Id));
            }
        }
    }

    /// <summary>The second buyer keeps trying while the item is reserved; null once it is sold to the first.</summary>
    private async Task<Order?> PlaceUntilDecided(IOrderGrain rival, Order first)
    {
        var giveUp = DateTimeOffset.UtcNow + Reservation + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < giveUp)
        {
            var attempt = await rival.Place(first.ProductId, $"rival-of-{first.BuyerId}", "rival@example.com");
            if (attempt.Succeeded)
            {
                return attempt.Value;
            }

            if ((await shop.Listing(first.ProductId).Get())!.Status == ListingStatus.Sold)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.Fail($"The item of order {first.Id} was neither sold nor reserved again within the reservation time.");
        return null;
    }
}
