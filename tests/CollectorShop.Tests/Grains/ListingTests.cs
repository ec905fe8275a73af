using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class ListingTests(ShopCluster shop)
{
    private static readonly Actor Admin = new(ShopIds.New(), IsAdmin: true);

    [Fact]
    public async Task Submitting_a_listing_makes_it_pending_with_its_first_price_in_history()
    {
        var sellerId = ShopIds.New();
        var grain = shop.Listing(ShopIds.New());

        var listing = Value(await grain.Submit(Draft(price: 149.90m), sellerId, "Camille"));

        Assert.Equal(ListingStatus.Pending, listing.Status);
        Assert.Equal(sellerId, listing.SellerId);
        Assert.Equal(149.90m, listing.Price);
        var first = Assert.Single(listing.PriceHistory);
        Assert.Equal(149.90m, first.Price);
        Assert.Null(listing.Reservation);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Submitting_an_existing_listing_again_is_a_conflict()
    {
        var (grain, listing) = await shop.SubmittedListing();

        Refused(await grain.Submit(Draft(price: 1m), listing.SellerId, "Camille"), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Every_call_on_an_unknown_listing_is_not_found()
    {
        var grain = shop.Listing(ShopIds.New());
        var someone = new Actor(ShopIds.New(), IsAdmin: false);

        Assert.Null(await grain.Get());
        Refused(await grain.Edit(new ListingChanges("New title", null, null, null, null, null, null), Admin), RefusalKind.NotFound);
        Refused(await grain.Approve(), RefusalKind.NotFound);
        Refused(await grain.Reject("no"), RefusalKind.NotFound);
        Refused(await grain.Withdraw(someone), RefusalKind.NotFound);
        Refused(await grain.Remove(), RefusalKind.NotFound);
        Refused(await grain.Reserve(ShopIds.New(), someone.UserId, DateTimeOffset.UtcNow.AddMinutes(5)), RefusalKind.NotFound);
        Assert.Null(await grain.Release(ShopIds.New()));
        Refused(await grain.MarkSold(ShopIds.New()), RefusalKind.NotFound);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task Approving_a_pending_listing_makes_it_available()
    {
        var (grain, _) = await shop.SubmittedListing();

        var approved = Value(await grain.Approve());

        Assert.Equal(ListingStatus.Available, approved.Status);
    }

    [Fact]
    public async Task Rejecting_a_pending_listing_records_the_reason()
    {
        var (grain, _) = await shop.SubmittedListing();

        var rejected = Value(await grain.Reject("The photo shows another item."));

        Assert.Equal(ListingStatus.Rejected, rejected.Status);
        Assert.Equal("The photo shows another item.", rejected.RejectionReason);
    }

    [Theory]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Rejected)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Removed)]
    public async Task Only_a_pending_listing_can_be_approved_or_rejected(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);

        Refused(await grain.Approve(), RefusalKind.Conflict);
        Refused(await grain.Reject("no"), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Editing_a_rejected_listing_sends_it_back_to_moderation_without_the_old_reason()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Rejected);

        var edited = Value(await grain.Edit(
            new ListingChanges(null, null, null, null, null, ["/uploads/sharper-photo.jpg"], null),
            new Actor(listing.SellerId, IsAdmin: false)));

        Assert.Equal(ListingStatus.Pending, edited.Status);
        Assert.Null(edited.RejectionReason);
        Assert.Equal(["/uploads/sharper-photo.jpg"], edited.Images);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    [InlineData("images")]
    [InlineData("category")]
    public async Task A_content_edit_of_an_available_listing_sends_it_back_to_pending(string field)
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);
        var changes = field switch
        {
            "title" => new ListingChanges("Signed tour poster, framed", null, null, null, null, null, null),
            "description" => new ListingChanges(null, "Now with its original frame and certificate.", null, null, null, null, null),
            "images" => new ListingChanges(null, null, null, null, null, ["/uploads/poster.jpg", "/uploads/back.jpg"], null),
            _ => new ListingChanges(null, null, null, null, "music", null, null),
        };

        var edited = Value(await grain.Edit(changes, new Actor(listing.SellerId, IsAdmin: false)));

        Assert.Equal(ListingStatus.Pending, edited.Status);
        Assert.Single(edited.PriceHistory);
    }

    [Fact]
    public async Task A_price_shipping_or_location_edit_of_an_available_listing_keeps_it_available()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);

        var edited = Value(await grain.Edit(
            new ListingChanges(null, null, 89.99m, 6m, null, null, "Paris"),
            new Actor(listing.SellerId, IsAdmin: false)));

        Assert.Equal(ListingStatus.Available, edited.Status);
        Assert.Equal((89.99m, 6m, "Paris"), (edited.Price, edited.Shipping, edited.Location));
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Rejected)]
    public async Task Each_price_change_appends_the_new_price_and_its_date_to_the_history(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);
        var seller = new Actor(listing.SellerId, IsAdmin: false);

        Value(await grain.Edit(new ListingChanges(null, null, 90m, null, null, null, null), seller));
        var edited = Value(await grain.Edit(new ListingChanges(null, null, 80m, null, null, null, null), seller));

        Assert.Equal([100m, 90m, 80m], edited.PriceHistory.Select(point => point.Price));
        Assert.True(edited.PriceHistory.Zip(edited.PriceHistory.Skip(1)).All(pair => pair.First.Date <= pair.Second.Date));
        Assert.Equal(80m, edited.Price);
    }

    [Fact]
    public async Task An_edit_that_repeats_the_current_price_adds_nothing_to_the_history()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);

        var edited = Value(await grain.Edit(
            new ListingChanges(null, null, listing.Price, null, null, null, null),
            new Actor(listing.SellerId, IsAdmin: false)));

        Assert.Single(edited.PriceHistory);
        Assert.Equal(ListingStatus.Available, edited.Status);
    }

    [Fact]
    public async Task Only_the_listings_seller_or_an_admin_can_edit_it()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);
        var changes = new ListingChanges(null, null, 50m, null, null, null, null);

        Refused(await grain.Edit(changes, new Actor(ShopIds.New(), IsAdmin: false)), RefusalKind.Forbidden);
        Assert.Equivalent(listing, await grain.Get());

        var byAdmin = Value(await grain.Edit(changes, Admin));
        Assert.Equal(50m, byAdmin.Price);
    }

    [Theory]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Removed)]
    public async Task A_reserved_sold_withdrawn_or_removed_listing_cannot_be_edited(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);

        Refused(await grain.Edit(new ListingChanges("Another title", null, 1m, null, null, null, null), new Actor(listing.SellerId, false)), RefusalKind.Conflict);
        Refused(await grain.Edit(new ListingChanges(null, null, 1m, null, null, null, null), Admin), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Rejected)]
    public async Task The_seller_can_withdraw_a_pending_available_or_rejected_listing(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);

        var withdrawn = Value(await grain.Withdraw(new Actor(listing.SellerId, IsAdmin: false)));

        Assert.Equal(ListingStatus.Withdrawn, withdrawn.Status);
    }

    [Theory]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Removed)]
    public async Task A_reserved_sold_withdrawn_or_removed_listing_cannot_be_withdrawn(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);

        Refused(await grain.Withdraw(new Actor(listing.SellerId, IsAdmin: false)), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Only_the_seller_can_withdraw_a_listing_not_even_an_admin()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);

        Refused(await grain.Withdraw(new Actor(ShopIds.New(), IsAdmin: false)), RefusalKind.Forbidden);
        Refused(await grain.Withdraw(Admin), RefusalKind.Forbidden);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Rejected)]
    [InlineData(ListingStatus.Withdrawn)]
    public async Task An_admin_can_remove_a_listing_in_any_state_but_reserved(ListingStatus status)
    {
        var (grain, _) = await shop.ListingIn(status);

        var removed = Value(await grain.Remove());

        Assert.Equal(ListingStatus.Removed, removed.Status);
        Assert.Equivalent(removed, await grain.Get());
    }

    [Fact]
    public async Task A_reserved_listing_cannot_be_removed()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Reserved);

        Refused(await grain.Remove(), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Removing_a_removed_listing_again_succeeds_without_changing_it()
    {
        var (grain, removed) = await shop.ListingIn(ListingStatus.Removed);
        var version = shop.ReadModel.CurrentVersion<Listing>(removed.Id);

        Assert.Equivalent(removed, Value(await grain.Remove()));
        Assert.Equal(version, shop.ReadModel.CurrentVersion<Listing>(removed.Id));
    }

    [Fact]
    public async Task Reserving_holds_an_available_listing_for_one_order_until_a_given_time()
    {
        var (grain, _) = await shop.ListingIn(ListingStatus.Available);
        var (orderId, buyerId, until) = (ShopIds.New(), ShopIds.New(), DateTimeOffset.UtcNow.AddMinutes(10));

        var reserved = Value(await grain.Reserve(orderId, buyerId, until));

        Assert.Equal(ListingStatus.Reserved, reserved.Status);
        Assert.Equal(new Reservation(orderId, buyerId, until), reserved.Reservation);
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Rejected)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Removed)]
    public async Task Only_an_available_listing_can_be_reserved(ListingStatus status)
    {
        var (grain, listing) = await shop.ListingIn(status);

        Refused(await grain.Reserve(ShopIds.New(), ShopIds.New(), DateTimeOffset.UtcNow.AddMinutes(10)), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task A_seller_cannot_reserve_their_own_listing()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);

        var refusal = Refused(await grain.Reserve(ShopIds.New(), listing.SellerId, DateTimeOffset.UtcNow.AddMinutes(10)), RefusalKind.Invalid);

        Assert.Equal("You cannot buy your own listing.", refusal.Message);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task Reserving_again_for_the_holding_order_succeeds_and_changes_nothing()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Reserved);
        var reservation = listing.Reservation!;

        var again = Value(await grain.Reserve(reservation.OrderId, reservation.BuyerId, reservation.Until.AddMinutes(5)));

        Assert.Equivalent(listing, again);
    }

    [Fact]
    public async Task Releasing_frees_the_item_only_for_the_holding_order_and_repeats_are_no_ops()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Reserved);

        Assert.Equivalent(listing, await grain.Release(ShopIds.New()));

        var released = await grain.Release(HoldingOrderOf(listing));
        Assert.Equal(ListingStatus.Available, released!.Status);
        Assert.Null(released.Reservation);

        Assert.Equivalent(released, await grain.Release(HoldingOrderOf(listing)));
        Assert.Equivalent(released, await grain.Get());
    }

    [Fact]
    public async Task Marking_sold_works_only_for_the_holding_order_and_a_repeat_for_it_is_a_no_op()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Reserved);
        var holder = HoldingOrderOf(listing);

        Refused(await grain.MarkSold(ShopIds.New()), RefusalKind.Conflict);

        var sold = Value(await grain.MarkSold(holder));
        Assert.Equal(ListingStatus.Sold, sold.Status);

        Assert.Equivalent(sold, Value(await grain.MarkSold(holder)));
        Refused(await grain.MarkSold(ShopIds.New()), RefusalKind.Conflict);
        Assert.Equivalent(sold, await grain.Release(holder));
        Assert.Equivalent(sold, await grain.Get());
    }

    [Fact]
    public async Task Marking_sold_an_available_listing_is_a_conflict()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);

        Refused(await grain.MarkSold(ShopIds.New()), RefusalKind.Conflict);
        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task A_listing_survives_deactivation()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Reserved);

        await shop.Cluster.DeactivateAsync(grain);

        Assert.Equivalent(listing, await grain.Get());
    }

    [Fact]
    public async Task The_read_model_receives_every_change_of_a_listing_with_its_stored_version()
    {
        var (grain, submitted) = await shop.SubmittedListing();
        var approved = Value(await grain.Approve());

        // Versions 2 and 4 are the outbox's writes that forget the confirmed events: the row follows them too.
        Assert.Equal([1, 2, 3, 4], shop.ReadModel.VersionsOf<Listing>(submitted.Id));
        Assert.Equivalent(approved, shop.ReadModel.Current<Listing>(submitted.Id));
    }

    [Fact]
    public async Task An_expired_reservation_frees_the_item_even_if_nobody_calls_the_listing_again()
    {
        var (grain, listing) = await shop.ListingIn(ListingStatus.Available);
        Value(await grain.Reserve(ShopIds.New(), ShopIds.New(), DateTimeOffset.UtcNow.AddSeconds(3)));
        await shop.Cluster.DeactivateAsync(grain);

        await Eventually.Holds(
            () => shop.ReadModel.Current<Listing>(listing.Id)?.Status == ListingStatus.Available,
            TimeSpan.FromSeconds(30),
            "the listing's own reminder released it");

        Assert.Null(shop.ReadModel.Current<Listing>(listing.Id)!.Reservation);
    }

    [Fact]
    public async Task Owner_edits_outsider_edits_and_an_admin_approval_racing_leave_a_consistent_listing()
    {
        var (grain, listing) = await shop.SubmittedListing(price: 100m);
        var owner = new Actor(listing.SellerId, IsAdmin: false);
        var outsider = new Actor(ShopIds.New(), IsAdmin: false);

        var ownerEdits = Enumerable.Range(1, 10)
            .Select(i => grain.Edit(new ListingChanges($"Signed tour poster #{i}", null, 100m + i, null, null, null, null), owner))
            .ToList();
        var outsiderEdits = Enumerable.Range(1, 10)
            .Select(i => grain.Edit(new ListingChanges("Mine now", null, 200m + i, null, null, null, null), outsider))
            .ToList();
        var approval = grain.Approve();
        var ownerResults = await Task.WhenAll(ownerEdits);
        var outsiderResults = await Task.WhenAll(outsiderEdits);
        var approved = Value(await approval);

        Assert.All(outsiderResults, result => Refused(result, RefusalKind.Forbidden));
        Assert.All(ownerResults, result => Value(result));
        var final = (await grain.Get())!;

        Assert.Equal(11, final.PriceHistory.Count);
        Assert.Equal(100m, final.PriceHistory[0].Price);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => 100m + i), final.PriceHistory.Skip(1).Select(point => point.Price).Order());
        Assert.Equal(final.PriceHistory[^1].Price, final.Price);
        Assert.Equal($"Signed tour poster #{final.Price - 100m:0}", final.Title);
        // Every owner edit changes the title: the listing stays available only if all of them came before the approval.
        var editsBeforeApproval = approved.PriceHistory.Count - 1;
        Assert.Equal(editsBeforeApproval == 10 ? ListingStatus.Available : ListingStatus.Pending, final.Status);
        Assert.Equivalent(final, shop.ReadModel.Current<Listing>(listing.Id));
    }
}
