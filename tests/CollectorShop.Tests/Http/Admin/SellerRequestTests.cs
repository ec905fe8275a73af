using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CollectorShop.Grains;
using CollectorShop.Tests.Http.Accounts;
using static CollectorShop.Tests.Http.Accounts.AccountApi;

namespace CollectorShop.Tests.Http.Admin;

/// <summary>Seller requests end to end: opened at sign-up or by the user, listed for the admin, approved or rejected, re-opened.</summary>
public sealed class SellerRequestTests : IAsyncLifetime
{
    private static readonly string[] ReviewShape = ["createdAt", "id", "message", "status", "updatedAt", "user", "userId"];
    private static readonly string[] AccountShape = ["active", "email", "id", "name", "role"];

    private ShopHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = new ShopHost(settings: ManyLogins());
        (_admin, _) = await _host.Admin();
    }

    public Task DisposeAsync() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_seller_sign_up_is_listed_for_the_admin_and_approving_it_makes_an_active_seller()
    {
        var (email, userId) = await SellerSignUp("Stamps from 1900 to 1950.");

        var review = await PendingReviewOf(userId);

        Assert.Equal(ReviewShape, review.Keys());
        Assert.Equal(AccountShape, review["user"].Keys());
        Assert.Equal(("pending", "Stamps from 1900 to 1950."), (review.Text("status"), review.Text("message")));
        Assert.Equal((userId, email, "SELLER", false),
            (review["user"].Text("id"), review["user"].Text("email"), review["user"].Text("role"), review["user"]!["active"]!.GetValue<bool>()));

        var approved = await (await _admin.PostAsync($"/api/admin/seller-requests/{review.Text("id")}/approve", null)).Object();

        Assert.Equal(["ok"], approved.Keys());
        Assert.True(approved["ok"]!.GetValue<bool>());
        var signedIn = await (await _host.CreateClient().Login(email, Password)).Object();
        Assert.Equal(("SELLER", true), (signedIn["user"].Text("role"), signedIn["user"]!["active"]!.GetValue<bool>()));
        Assert.DoesNotContain(await Reviews("pending"), listed => listed.Text("userId") == userId);
        Assert.Contains(await Reviews("approved"), listed => listed.Text("id") == review.Text("id"));
        var again = await _admin.PostAsync($"/api/admin/seller-requests/{review.Text("id")}/approve", null);
        await again.Error(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rejecting_a_seller_sign_up_falls_back_to_buyer_and_the_user_can_reopen_the_request()
    {
        var (email, userId) = await SellerSignUp("Please");
        var requestId = (await PendingReviewOf(userId)).Text("id");

        var rejected = await (await _admin.PostAsJsonAsync($"/api/admin/seller-requests/{requestId}/reject", new { message = "Tell us what you sell." })).Object();

        Assert.True(rejected["ok"]!.GetValue<bool>());
        Assert.Equal(Role.Buyer, (await _host.Profile(userId))!.Role);
        Assert.Contains(await Reviews("rejected"), listed => listed.Text("id") == requestId);
        await (await _admin.PostAsync($"/api/admin/seller-requests/{requestId}/reject", null)).Error(HttpStatusCode.Conflict);

        await (await _admin.PostAsJsonAsync($"/api/admin/users/{userId}/active", new { active = true })).Object();
        var user = _host.ClientWithToken((await _host.Profile(userId))!);
        var seen = await (await user.GetAsync("/api/users/me/seller-request")).Object();
        Assert.Equal(("rejected", "Tell us what you sell."), (seen.Text("status"), seen.Text("adminMessage")));

        var reopened = await (await user.PostAsJsonAsync("/api/users/me/request-seller", new { message = "Pre-war stamps of France." })).Object(HttpStatusCode.Created);

        Assert.Equal((requestId, "pending", "Pre-war stamps of France."), (reopened.Text("id"), reopened.Text("status"), reopened.Text("message")));
        Assert.Null(reopened["adminMessage"]);
        Assert.Equal("Pre-war stamps of France.", (await PendingReviewOf(userId)).Text("message"));
        Assert.Equal("pending", (await (await user.GetAsync("/api/users/me/seller-request")).Object()).Text("status"));
        Assert.Equal(email, (await PendingReviewOf(userId))["user"].Text("email"));
    }

    [Fact]
    public async Task A_buyer_without_a_request_sees_null_then_asks_to_sell_without_a_message_and_is_approved()
    {
        var (buyer, user) = await _host.SignedInUser();

        var none = await buyer.GetAsync("/api/users/me/seller-request");
        Assert.Equal("null", await none.Content.ReadAsStringAsync());
        Assert.Equal("application/json", none.Content.Headers.ContentType?.MediaType);

        var opened = await (await buyer.PostAsync("/api/users/me/request-seller", null)).Object(HttpStatusCode.Created);

        Assert.Equal(["adminMessage", "createdAt", "id", "message", "status", "updatedAt", "userId"], opened.Keys());
        Assert.Equal((user.Id, "pending"), (opened.Text("userId"), opened.Text("status")));
        Assert.Null(opened["message"]);
        await (await _admin.PostAsync($"/api/admin/seller-requests/{opened.Text("id")}/approve", null)).Object();
        Assert.Equal("SELLER", (await (await buyer.GetAsync("/api/auth/me")).Object()).Text("role"));
    }

    [Fact]
    public async Task Rejecting_without_a_body_is_allowed()
    {
        var (buyer, _) = await _host.SignedInUser();
        var requestId = (await (await buyer.PostAsJsonAsync("/api/users/me/request-seller", new { message = "Coins" })).Object(HttpStatusCode.Created)).Text("id");

        var rejected = await _admin.PostAsync($"/api/admin/seller-requests/{requestId}/reject", null);

        Assert.True((await rejected.Object())["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_queue_lists_the_most_recently_opened_request_first()
    {
        var (first, _) = await _host.SignedInUser();
        var (second, _) = await _host.SignedInUser();
        var older = (await (await first.PostAsync("/api/users/me/request-seller", null)).Object(HttpStatusCode.Created)).Text("id");
        await Task.Delay(5);
        var newer = (await (await second.PostAsync("/api/users/me/request-seller", null)).Object(HttpStatusCode.Created)).Text("id");

        var ids = (await Reviews("pending")).Select(review => review.Text("id")).ToList();

        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "newest first");
        Assert.NotEqual(-1, ids.IndexOf(older));
    }

    [Fact]
    public async Task The_queue_pages_and_reports_its_total()
    {
        var (buyer, _) = await _host.SignedInUser();
        await (await buyer.PostAsync("/api/users/me/request-seller", null)).Object(HttpStatusCode.Created);

        var response = await _admin.GetAsync("/api/admin/seller-requests?pageSize=1");

        Assert.Single(Assert.IsType<JsonArray>(await response.Json(HttpStatusCode.OK)));
        Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").Single()) >= 1);
    }

    [Theory]
    [InlineData("/api/admin/seller-requests?status=maybe")]
    [InlineData("/api/admin/seller-requests?status=")]
    [InlineData("/api/admin/seller-requests?page=0")]
    [InlineData("/api/admin/seller-requests?pageSize=many")]
    public async Task An_unknown_status_or_bad_paging_is_400(string url)
    {
        await (await _admin.GetAsync(url)).Error(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Deciding_an_unknown_request_is_404(string decision)
    {
        await (await _admin.PostAsync($"/api/admin/seller-requests/no-such-request/{decision}", null)).Error(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/users/me/request-seller", """{"message": 5}""")]
    [InlineData("/api/users/me/request-seller", """{"message": """)]
    [InlineData("/api/admin/seller-requests/any/reject", """{"message": ["no"]}""")]
    [InlineData("/api/admin/seller-requests/any/reject", """{"message" """)]
    public async Task Malformed_json_and_wrong_types_are_400_not_500(string url, string json)
    {
        var (buyer, _) = await _host.SignedInUser();
        var client = url.StartsWith("/api/admin", StringComparison.Ordinal) ? _admin : buyer;

        await (await client.PostRaw(url, json)).Error(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_seller_request_message_over_2000_characters_is_400()
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/users/me/request-seller", new { message = new string('m', 2001) });

        Assert.NotNull((await response.Object(HttpStatusCode.BadRequest))["errors"]?["message"]);
    }

    [Fact]
    public async Task Only_an_active_account_may_ask_to_sell_and_only_an_admin_sees_or_decides_the_queue()
    {
        var (inactive, _) = await _host.SignedInUser(active: false);
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var anonymous = _host.CreateClient();

        await (await inactive.PostAsync("/api/users/me/request-seller", null)).Error(HttpStatusCode.Forbidden);
        await (await inactive.GetAsync("/api/users/me/seller-request")).Error(HttpStatusCode.Forbidden);
        await (await anonymous.PostAsync("/api/users/me/request-seller", null)).Error(HttpStatusCode.Unauthorized);
        await (await seller.GetAsync("/api/admin/seller-requests")).Error(HttpStatusCode.Forbidden);
        await (await seller.PostAsync("/api/admin/seller-requests/any/approve", null)).Error(HttpStatusCode.Forbidden);
        await (await seller.PostAsync("/api/admin/seller-requests/any/reject", null)).Error(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync("/api/admin/seller-requests")).Error(HttpStatusCode.Unauthorized);
    }

    private async Task<(string Email, string UserId)> SellerSignUp(string message)
    {
        var email = NewEmail("seller");
        var body = await (await _host.CreateClient().Register(new { email, password = Password, role = "SELLER", sellerMessage = message }))
            .Object(HttpStatusCode.Created);
        return (email, body["user"].Text("id"));
    }

    private async Task<List<JsonNode>> Reviews(string status)
    {
        var list = await (await _admin.GetAsync($"/api/admin/seller-requests?status={status}&pageSize=100")).Json(HttpStatusCode.OK);
        return [.. Assert.IsType<JsonArray>(list).Select(review => review!)];
    }

    private async Task<JsonNode> PendingReviewOf(string userId) =>
        Assert.Single(await Reviews("pending"), review => review.Text("userId") == userId);
}
