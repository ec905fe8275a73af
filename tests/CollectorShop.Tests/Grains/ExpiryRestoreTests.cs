using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

/// <summary>
/// The in-memory reminder service forgets reminders when a silo restarts; these tests drop
/// the reminders by hand and check that activation alone restores every deadline.
/// </summary>
[Collection(ShopClusterCollection.Name)]
public sealed class ExpiryRestoreTests(ShopCluster shop)
{
    private IReminderHarnessGrain Reminders => shop.Grains.GetGrain<IReminderHarnessGrain>(0);

    [Fact]
    public async Task A_listing_whose_reservation_ended_while_it_was_inactive_releases_it_when_activated()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);
        Value(await grain.Reserve(ShopIds.New(), ShopIds.New(), DateTimeOffset.UtcNow.AddSeconds(2)));
        await ForgetReminder(grain, "reservation-expiry");
        await shop.Cluster.DeactivateAsync(grain);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(ListingStatus.Reserved, shop.ReadModel.Current<Listing>(listing.Id)!.Status);

        var activated = (await grain.Get())!;
        Assert.Equal(ListingStatus.Available, activated.Status);
        Assert.Null(activated.Reservation);
        Assert.Equivalent(activated, shop.ReadModel.Current<Listing>(listing.Id));
    }

    [Fact]
    public async Task A_reserved_listing_activated_without_its_reminder_registers_it_again()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);
        Value(await grain.Reserve(ShopIds.New(), ShopIds.New(), DateTimeOffset.UtcNow.AddSeconds(4)));
        await ForgetReminder(grain, "reservation-expiry");
        await shop.Cluster.DeactivateAsync(grain);

        Assert.Equal(ListingStatus.Reserved, (await grain.Get())!.Status);
        Assert.True(await Reminders.Has(grain.GetGrainId(), "reservation-expiry"));

        await Eventually.Holds(
            () => shop.ReadModel.Current<Listing>(listing.Id)?.Status == ListingStatus.Available,
            TimeSpan.FromSeconds(30),
            "the restored reminder released the listing");
    }

    [Fact]
    public async Task An_unpaid_order_activated_after_its_deadline_expires_and_frees_its_item()
    {
        var (product, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());
        var placed = Value(await order.Place(listing.Id, ShopIds.New(), "buyer@example.com"));
        await ForgetReminder(order, "order-expiry");
        await ForgetReminder(product, "reservation-expiry");
        await shop.Cluster.DeactivateAsync(order);
        await shop.Cluster.DeactivateAsync(product);

        await Task.Delay(placed.ExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Pending, shop.ReadModel.Current<Order>(placed.Id)!.Status);
        Assert.Equal(ListingStatus.Reserved, shop.ReadModel.Current<Listing>(listing.Id)!.Status);

        Assert.Equal(OrderStatus.Expired, (await order.Get())!.Status);
        Assert.Equal(ListingStatus.Available, shop.ReadModel.Current<Listing>(listing.Id)!.Status);
    }

    [Fact]
    public async Task A_pending_order_activated_without_its_reminder_registers_it_again()
    {
        var (_, listing) = await shop.AvailableListing();
        var order = shop.Order(ShopIds.New());
        var placed = Value(await order.Place(listing.Id, ShopIds.New(), "buyer@example.com"));
        await ForgetReminder(order, "order-expiry");
        await shop.Cluster.DeactivateAsync(order);

        Assert.Equal(OrderStatus.Pending, (await order.Get())!.Status);

        Assert.True(await Reminders.Has(order.GetGrainId(), "order-expiry"));
        await Eventually.Holds(
            () => shop.ReadModel.Current<Order>(placed.Id)?.Status == OrderStatus.Expired,
            TimeSpan.FromMinutes(ShopCluster.ReservationMinutes) + TimeSpan.FromSeconds(30),
            "the restored reminder expired the order");
    }

    private async Task ForgetReminder(IAddressable grain, string name) =>
        Assert.True(await Reminders.Forget(grain.GetGrainId(), name));
}
