using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class OrderTests(ShopCluster shop)
{
    private static readonly TimeSpan Reservation = TimeSpan.FromMinutes(ShopCluster.ReservationMinutes);

    [Fact]
    public async Task Placing_an_order_reserves_the_item_and_records_the_purchase()
    {
        var (product, listing) = await shop.AvailableListing(price: 120m, shipping: 7.50m);
        var (orderId, buyerId) = (ShopIds.New(), ShopIds.New());
        var before = DateTimeOffset.UtcNow;

        var order = Value(await shop.Order(orderId).Place(listing.Id, buyerId, "buyer@example.com"));

        Assert.Equal((orderId, listing.Id, buyerId, "buyer@example.com", listing.SellerId), (order.Id, order.ProductId, order.BuyerId, order.BuyerEmail, order.SellerId));
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(1, order.Quantity);
        Assert.Equal((120m, 7.50m, 127.50m, 6.00m, 121.50m), (order.Price, order.Shipping, order.TotalPrice, order.Commission, order.SellerPayout));
        Assert.Equal(new ProductSnapshot(listing.Id, listing.Title, listing.Description, "/uploads/poster.jpg", 120m, 7.50m, listing.CategoryId, "Camille"), order.Product);
        Assert.InRange(order.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(order.CreatedAt, order.UpdatedAt);
        Assert.Equal(order.CreatedAt + Reservation, order.ExpiresAt);
        Assert.Null(order.PaidAt);

        var reserved = (await product.Get())!;
        Assert.Equal(ListingStatus.Reserved, reserved.Status);
        Assert.Equal(new Reservation(orderId, buyerId, order.ExpiresAt!.Value), reserved.Reservation);
        Assert.Equivalent(order, shop.ReadModel.Current<Order>(orderId));
    }

    [Theory]
    [InlineData("19.99", "0", "1.00", "18.99")]
    [InlineData("0.01", "0", "0.00", "0.01")]
    [InlineData("10.10", "0", "0.51", "9.59")]
    [InlineData("0.10", "3.90", "0.01", "3.99")]
    [InlineData("999999.99", "10000", "50000.00", "959999.99")]
    public async Task Commission_is_the_rate_times_the_price_rounded_half_away_from_zero_and_the_payout_is_the_rest(
        string price, string shipping, string commission, string payout)
    {
        var (_, listing) = await shop.AvailableListing(price: decimal.Parse(price), shipping: decimal.Parse(shipping));

        var order = Value(await shop.Order(ShopIds.New()).Place(listing.Id, ShopIds.New(), "buyer@example.com"));

        Assert.Equal(decimal.Parse(price) + decimal.Parse(shipping), order.TotalPrice);
        Assert.Equal(decimal.Parse(commission), order.Commission);
        Assert.Equal(decimal.Parse(payout), order.SellerPayout);
        Assert.Equal(order.TotalPrice, order.Commission + order.SellerPayout);
    }

    [Fact]
    public async Task Placing_the_same_order_again_returns_it_unchanged()
    {
        var (_, listing) = await shop.AvailableListing();
        var (order, buyerId) = (shop.Order(ShopIds.New()), ShopIds.New());
        var placed = Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));
        var version = shop.ReadModel.CurrentVersion<Order>(placed.Id);

        var again = Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));

        Assert.Equivalent(placed, again);
        Assert.Equal(version, shop.ReadModel.CurrentVersion<Order>(placed.Id));
    }

    [Fact]
    public async Task Reusing_an_order_id_for_another_buyer_or_item_is_a_conflict()
    {
        var (_, listing) = await shop.AvailableListing();
        var (_, other) = await shop.AvailableListing();
        var (order, buyerId) = (shop.Order(ShopIds.New()), ShopIds.New());
        var placed = Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));

        Refused(await order.Place(listing.Id, ShopIds.New(), "other@example.com"), RefusalKind.Conflict);
        Refused(await order.Place(other.Id, buyerId, "buyer@example.com"), RefusalKind.Conflict);
        Assert.Equivalent(placed, await order.Get());
    }

    [Fact]
    public async Task Ordering_an_unknown_listing_is_not_found_and_stores_nothing()
    {
        var order = shop.Order(ShopIds.New());

        Refused(await order.Place(ShopIds.New(), ShopIds.New(), "buyer@example.com"), RefusalKind.NotFound);
        Assert.Null(await order.Get());
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Removed)]
    public async Task Ordering_an_item_that_is_not_available_is_a_conflict(ListingStatus status)
    {
        var (product, listing) = await shop.ListingIn(status);
        var order = shop.Order(ShopIds.New());

        Refused(await order.Place(listing.Id, ShopIds.New(), "buyer@example.com"), RefusalKind.Conflict);
        Assert.Null(await order.Get());
        Assert.Equivalent(listing, await product.Get());
    }

    [Fact]
    public async Task Buying_your_own_listing_is_invalid()
    {
        var (product, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());

        var refusal = Refused(await order.Place(listing.Id, listing.SellerId, "seller@example.com"), RefusalKind.Invalid);

        Assert.Equal("You cannot buy your own listing.", refusal.Message);
        Assert.Null(await order.Get());
        Assert.Equal(ListingStatus.Available, (await product.Get())!.Status);
    }

    [Fact]
    public async Task Two_buyers_racing_for_one_item_produce_exactly_one_order()
    {
        var (product, listing) = await shop.AvailableListing();
        var orderIds = Enumerable.Range(0, 50).Select(_ => ShopIds.New()).ToList();

        var outcomes = await Task.WhenAll(orderIds.Select(id => shop.Order(id).Place(listing.Id, ShopIds.New(), "buyer@example.com")));

        var winner = Assert.Single(outcomes, outcome => outcome.Succeeded).Value!;
        Assert.Equal(49, outcomes.Count(outcome => outcome.Refusal?.Kind == RefusalKind.Conflict));
        Assert.Equal(winner.Id, (await product.Get())!.Reservation!.OrderId);
        foreach (var loser in orderIds.Where(id => id != winner.Id))
        {
            Assert.Null(await shop.Order(loser).Get());
        }
    }

    [Fact]
    public async Task Cancelling_a_pending_order_frees_the_item_and_records_the_time()
    {
        var (product, listing) = await shop.AvailableListing();
        var (order, buyerId) = (shop.Order(ShopIds.New()), ShopIds.New());
        var placed = Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));

        var cancelled = Value(await order.Cancel(buyerId));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.UpdatedAt >= placed.UpdatedAt);
        var released = (await product.Get())!;
        Assert.Equal(ListingStatus.Available, released.Status);
        Assert.Null(released.Reservation);
        Assert.Equivalent(cancelled, shop.ReadModel.Current<Order>(placed.Id));
    }

    [Fact]
    public async Task Only_the_buyer_can_cancel_an_order()
    {
        var (product, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());
        var placed = Value(await order.Place(listing.Id, ShopIds.New(), "buyer@example.com"));

        Refused(await order.Cancel(ShopIds.New()), RefusalKind.Forbidden);
        Refused(await order.Cancel(listing.SellerId), RefusalKind.Forbidden);

        Assert.Equivalent(placed, await order.Get());
        Assert.Equal(ListingStatus.Reserved, (await product.Get())!.Status);
    }

    [Fact]
    public async Task Only_a_pending_order_can_be_cancelled()
    {
        var (product, listing) = await shop.AvailableListing();
        var (order, buyerId) = (shop.Order(ShopIds.New()), ShopIds.New());
        Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));
        var cancelled = Value(await order.Cancel(buyerId));
        var nextOrder = Value(await shop.Order(ShopIds.New()).Place(listing.Id, ShopIds.New(), "next@example.com"));

        Refused(await order.Cancel(buyerId), RefusalKind.Conflict);

        Assert.Equivalent(cancelled, await order.Get());
        Assert.Equal(nextOrder.Id, (await product.Get())!.Reservation!.OrderId);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_not_found()
    {
        Refused(await shop.Order(ShopIds.New()).Cancel(ShopIds.New()), RefusalKind.NotFound);
    }

    [Fact]
    public async Task An_order_survives_deactivation()
    {
        var (_, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());
        var placed = Value(await order.Place(listing.Id, ShopIds.New(), "buyer@example.com"));

        await shop.Cluster.DeactivateAsync(order);

        Assert.Equivalent(placed, await order.Get());
    }

    [Fact]
    public async Task An_unpaid_order_expires_and_frees_its_item_even_when_its_grains_are_deactivated_and_never_called()
    {
        var (product, listing) = await shop.AvailableListing();
        var (order, buyerId) = (shop.Order(ShopIds.New()), ShopIds.New());
        var placed = Value(await order.Place(listing.Id, buyerId, "buyer@example.com"));
        await shop.Cluster.DeactivateAsync(order);
        await shop.Cluster.DeactivateAsync(product);

        await Eventually.Holds(
            () => shop.ReadModel.Current<Order>(placed.Id)?.Status == OrderStatus.Expired
                && shop.ReadModel.Current<Listing>(listing.Id)?.Status == ListingStatus.Available,
            Reservation + TimeSpan.FromSeconds(30),
            "the order expired and the listing was released by their reminders");

        var expired = shop.ReadModel.Current<Order>(placed.Id)!;
        Assert.True(expired.UpdatedAt >= placed.ExpiresAt);
        Refused(await order.Cancel(buyerId), RefusalKind.Conflict);
    }

    [Fact]
    public async Task An_order_that_cannot_be_stored_gives_its_reserved_item_back()
    {
        var (product, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());
        using (shop.Storage.FailWrites(grain => grain == order.GetGrainId()))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => order.Place(listing.Id, ShopIds.New(), "buyer@example.com"));
        }

        Assert.Null(await order.Get());
        var after = (await product.Get())!;
        Assert.Equal(ListingStatus.Available, after.Status);
        Assert.Null(after.Reservation);
    }
}
