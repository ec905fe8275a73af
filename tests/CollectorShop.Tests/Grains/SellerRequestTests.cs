using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class SellerRequestTests(ShopCluster shop)
{
    [Fact]
    public async Task Asking_to_sell_opens_a_pending_request_and_asking_again_reuses_it()
    {
        var user = shop.User((await shop.RegisteredUser()).Id);

        var first = Value(await user.RequestSeller("I collect vinyl."));
        var second = Value(await user.RequestSeller("I collect vinyl and cassettes."));

        Assert.Equal(SellerRequestStatus.Pending, first.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("I collect vinyl and cassettes.", second.Message);
        Assert.Equivalent(second, await user.GetSellerRequest());
        Assert.Equal(Role.Buyer, (await user.Get())!.Role);
    }

    [Fact]
    public async Task Approving_a_request_makes_the_user_an_active_seller()
    {
        var email = NewEmail();
        var profile = Value(await shop.EmailIndex(email).Register(Registration(email, Role.Buyer, active: false)));
        var request = Value(await shop.User(profile.Id).RequestSeller("Sneakers, deadstock only."));

        var approved = Value(await shop.SellerRequest(request.Id).Approve());

        Assert.Equal(SellerRequestStatus.Approved, approved.Status);
        var user = (await shop.User(profile.Id).Get())!;
        Assert.Equal((Role.Seller, true), (user.Role, user.Active));
        Assert.Equivalent(approved, shop.ReadModel.Current<SellerRequest>(request.Id));
        Assert.Equivalent(user, shop.ReadModel.Current<UserProfile>(profile.Id));
    }

    [Fact]
    public async Task Approving_an_admins_request_keeps_them_admin()
    {
        var admin = await shop.RegisteredUser(Role.Admin);
        var request = Value(await shop.User(admin.Id).RequestSeller(null));

        Value(await shop.SellerRequest(request.Id).Approve());

        Assert.Equal(Role.Admin, (await shop.User(admin.Id).Get())!.Role);
    }

    [Fact]
    public async Task Rejecting_a_seller_who_only_signed_up_as_one_makes_them_a_buyer()
    {
        var profile = await shop.RegisteredUser(Role.Seller, sellerMessage: "Retro consoles.");
        var request = (await shop.User(profile.Id).GetSellerRequest())!;

        var rejected = Value(await shop.SellerRequest(request.Id).Reject("Please tell us more about your items."));

        Assert.Equal(SellerRequestStatus.Rejected, rejected.Status);
        Assert.Equal("Please tell us more about your items.", rejected.AdminMessage);
        Assert.Equal(Role.Buyer, (await shop.User(profile.Id).Get())!.Role);
    }

    [Fact]
    public async Task Rejecting_a_buyers_request_leaves_them_a_buyer()
    {
        var profile = await shop.RegisteredUser();
        var request = Value(await shop.User(profile.Id).RequestSeller(null));

        Value(await shop.SellerRequest(request.Id).Reject(null));

        Assert.Equal(Role.Buyer, (await shop.User(profile.Id).Get())!.Role);
    }

    [Fact]
    public async Task Rejecting_a_request_of_an_approved_seller_keeps_their_seller_role()
    {
        var profile = await shop.RegisteredUser(Role.Seller, sellerMessage: "Comics.");
        var user = shop.User(profile.Id);
        var request = (await user.GetSellerRequest())!;
        Value(await shop.SellerRequest(request.Id).Approve());

        Value(await user.RequestSeller("Also posters now."));
        Value(await shop.SellerRequest(request.Id).Reject("One shop per seller."));

        Assert.Equal(Role.Seller, (await user.Get())!.Role);
    }

    [Fact]
    public async Task Rejecting_a_request_of_a_seller_made_by_an_admin_keeps_their_seller_role()
    {
        var admin = await shop.RegisteredUser(Role.Admin);
        var profile = await shop.RegisteredUser(Role.Seller, sellerMessage: "Figures.");
        var user = shop.User(profile.Id);
        Value(await user.SetRole(Role.Seller, admin.Id));

        Value(await shop.SellerRequest((await user.GetSellerRequest())!.Id).Reject(null));

        Assert.Equal(Role.Seller, (await user.Get())!.Role);
    }

    [Fact]
    public async Task Only_a_pending_request_can_be_approved_or_rejected()
    {
        var approvedRequest = shop.SellerRequest(Value(await shop.User((await shop.RegisteredUser()).Id).RequestSeller(null)).Id);
        var approved = Value(await approvedRequest.Approve());
        var rejectedRequest = shop.SellerRequest(Value(await shop.User((await shop.RegisteredUser()).Id).RequestSeller(null)).Id);
        var rejected = Value(await rejectedRequest.Reject("No."));

        Refused(await approvedRequest.Approve(), RefusalKind.Conflict);
        Refused(await approvedRequest.Reject("Too late."), RefusalKind.Conflict);
        Refused(await rejectedRequest.Approve(), RefusalKind.Conflict);
        Refused(await rejectedRequest.Reject("Again."), RefusalKind.Conflict);

        Assert.Equivalent(approved, await approvedRequest.Get());
        Assert.Equivalent(rejected, await rejectedRequest.Get());
    }

    [Theory]
    [InlineData(SellerRequestStatus.Approved)]
    [InlineData(SellerRequestStatus.Rejected)]
    public async Task A_decided_request_is_reopened_as_pending_keeping_its_creation_time(SellerRequestStatus decision)
    {
        var user = shop.User((await shop.RegisteredUser()).Id);
        var opened = Value(await user.RequestSeller("First try."));
        var request = shop.SellerRequest(opened.Id);
        var decided = Value(decision == SellerRequestStatus.Approved ? await request.Approve() : await request.Reject("Not yet."));

        var reopened = Value(await user.RequestSeller("Second try."));

        Assert.Equal(opened.Id, reopened.Id);
        Assert.Equal(SellerRequestStatus.Pending, reopened.Status);
        Assert.Equal(opened.CreatedAt, reopened.CreatedAt);
        Assert.True(reopened.UpdatedAt >= decided.UpdatedAt);
        Assert.Equal("Second try.", reopened.Message);
        Assert.Null(reopened.AdminMessage);
    }

    [Fact]
    public async Task Deciding_an_unknown_request_is_not_found()
    {
        var request = shop.SellerRequest(ShopIds.New());

        Refused(await request.Approve(), RefusalKind.NotFound);
        Refused(await request.Reject(null), RefusalKind.NotFound);
        Assert.Null(await request.Get());
    }

    [Fact]
    public async Task A_seller_request_survives_deactivation()
    {
        var opened = Value(await shop.User((await shop.RegisteredUser()).Id).RequestSeller("Cameras."));
        var request = shop.SellerRequest(opened.Id);
        var rejected = Value(await request.Reject("Blurry photos."));

        await shop.Cluster.DeactivateAsync(request);

        Assert.Equivalent(rejected, await request.Get());
    }
}
