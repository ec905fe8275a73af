using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class AccountTests(ShopCluster shop)
{
    [Fact]
    public async Task Registering_creates_an_account_owned_by_the_email()
    {
        var email = NewEmail();
        var index = shop.EmailIndex(email);

        var profile = Value(await index.Register(Registration(email, Role.Buyer, active: false)));

        Assert.Equal(profile.Id, await index.GetUserId());
        Assert.Equal((email, Role.Buyer, false), (profile.Email, profile.Role, profile.Active));
        Assert.Equivalent(profile, await shop.User(profile.Id).Get());
        var credentials = (await shop.User(profile.Id).GetCredentials())!;
        Assert.Equal("$2a$11$hash-of-a-password", credentials.PasswordHash);
        Assert.Null(await shop.User(profile.Id).GetSellerRequest());
        Assert.Equivalent(profile, shop.ReadModel.Current<UserProfile>(profile.Id));
    }

    [Fact]
    public async Task Registering_an_email_that_is_already_used_is_invalid()
    {
        var email = NewEmail();
        var first = Value(await shop.EmailIndex(email).Register(Registration(email)));

        var refusal = Refused(await shop.EmailIndex(email).Register(Registration(email, Role.Seller)), RefusalKind.Invalid);

        Assert.Equal("This email is already registered.", refusal.Message);
        Assert.Equal(first.Id, await shop.EmailIndex(email).GetUserId());
        Assert.Equal(Role.Buyer, (await shop.User(first.Id).Get())!.Role);
    }

    [Fact]
    public async Task Registering_under_another_emails_entry_is_invalid()
    {
        var index = shop.EmailIndex(NewEmail());

        Refused(await index.Register(Registration(NewEmail())), RefusalKind.Invalid);
        Assert.Null(await index.GetUserId());
    }

    [Fact]
    public async Task Twenty_sign_ups_racing_for_one_email_create_exactly_one_account()
    {
        var email = NewEmail();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => shop.EmailIndex(email).Register(Registration(email) with { Name = $"Racer {i}" })));

        var winner = Assert.Single(outcomes, outcome => outcome.Succeeded).Value!;
        Assert.Equal(19, outcomes.Count(outcome => outcome.Refusal?.Kind == RefusalKind.Invalid));
        Assert.Equal(winner.Id, await shop.EmailIndex(email).GetUserId());
        var accounts = shop.ReadModel.All<UserProfile>().Where(user => user.Email == email).Select(user => user.Id).Distinct();
        Assert.Equal([winner.Id], accounts);
    }

    [Fact]
    public async Task A_sign_up_that_stopped_after_claiming_the_email_is_completed_by_the_next_attempt()
    {
        var email = NewEmail();
        var index = shop.EmailIndex(email);
        using (shop.Storage.FailWrites(grain => grain.Type.ToString() == "user"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => index.Register(Registration(email)));
        }

        var claimedBy = (await index.GetUserId())!;
        Assert.Null(await shop.User(claimedBy).Get());

        var completed = Value(await index.Register(Registration(email) with { Name = "Second try" }));

        Assert.Equal(claimedBy, completed.Id);
        Assert.Equal("Second try", completed.Name);
        Assert.Equal(claimedBy, await index.GetUserId());
        Refused(await index.Register(Registration(email)), RefusalKind.Invalid);
    }

    [Fact]
    public async Task Creating_an_existing_account_again_returns_it_unchanged()
    {
        var profile = await shop.RegisteredUser();
        var user = shop.User(profile.Id);

        var again = await user.Create(Registration(NewEmail(), Role.Admin) with { Name = "Someone else" });

        Assert.Equivalent(profile, again);
        Assert.Equivalent(profile, await user.Get());
    }

    [Fact]
    public async Task Signing_up_as_a_seller_opens_a_pending_seller_request_with_the_message()
    {
        var profile = await shop.RegisteredUser(Role.Seller, sellerMessage: "I sell vintage cameras.");

        var request = (await shop.User(profile.Id).GetSellerRequest())!;

        Assert.Equal(Role.Seller, profile.Role);
        Assert.Equal((profile.Id, SellerRequestStatus.Pending, "I sell vintage cameras."), (request.UserId, request.Status, request.Message));
        Assert.Equivalent(request, shop.ReadModel.Current<SellerRequest>(request.Id));
    }

    [Fact]
    public async Task An_admin_can_change_another_users_role_and_active_flag()
    {
        var admin = await shop.RegisteredUser(Role.Admin);
        var user = shop.User((await shop.RegisteredUser()).Id);

        var seller = Value(await user.SetRole(Role.Seller, admin.Id));
        var inactive = Value(await user.SetActive(false, admin.Id));
        var promoted = Value(await user.SetRole(Role.Admin, admin.Id));
        var active = Value(await user.SetActive(true, admin.Id));

        Assert.Equal(Role.Seller, seller.Role);
        Assert.False(inactive.Active);
        Assert.Equal(Role.Admin, promoted.Role);
        Assert.True(active.Active);
        Assert.Equivalent(active, shop.ReadModel.Current<UserProfile>(active.Id));
    }

    [Theory]
    [InlineData(Role.Buyer)]
    [InlineData(Role.Seller)]
    public async Task An_admin_cannot_demote_themself(Role role)
    {
        var admin = await shop.RegisteredUser(Role.Admin);

        Refused(await shop.User(admin.Id).SetRole(role, admin.Id), RefusalKind.Conflict);

        Assert.Equal(Role.Admin, (await shop.User(admin.Id).Get())!.Role);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themself()
    {
        var admin = await shop.RegisteredUser(Role.Admin);

        Refused(await shop.User(admin.Id).SetActive(false, admin.Id), RefusalKind.Conflict);

        Assert.True((await shop.User(admin.Id).Get())!.Active);
        Value(await shop.User(admin.Id).SetActive(true, admin.Id));
        Value(await shop.User(admin.Id).SetRole(Role.Admin, admin.Id));
    }

    [Fact]
    public async Task Changes_to_an_unknown_account_are_not_found()
    {
        var user = shop.User(ShopIds.New());

        Refused(await user.SetActive(true, ShopIds.New()), RefusalKind.NotFound);
        Refused(await user.SetRole(Role.Seller, ShopIds.New()), RefusalKind.NotFound);
        Refused(await user.RequestSeller("let me sell"), RefusalKind.NotFound);
        Assert.Null(await user.Get());
        Assert.Null(await user.GetCredentials());
        Assert.Null(await user.GetSellerRequest());
    }

    [Fact]
    public async Task An_account_survives_deactivation()
    {
        var profile = await shop.RegisteredUser(Role.Seller, sellerMessage: "Comics since 1980.");
        var user = shop.User(profile.Id);
        var request = await user.GetSellerRequest();

        await shop.Cluster.DeactivateAsync(user);
        await shop.Cluster.DeactivateAsync(shop.SellerRequest(request!.Id));
        await shop.Cluster.DeactivateAsync(shop.EmailIndex(profile.Email));

        Assert.Equivalent(profile, await user.Get());
        Assert.Equivalent(request, await user.GetSellerRequest());
        Assert.Equal(profile.Id, await shop.EmailIndex(profile.Email).GetUserId());
    }
}
