using System.Net;
using System.Text.Json.Nodes;
using CollectorShop.Grains;
using static CollectorShop.Tests.Http.Accounts.AccountApi;

namespace CollectorShop.Tests.Http.Accounts;

/// <summary>POST /api/auth/register on the real host, with accounts awaiting approval (the default).</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private ShopHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ShopHost(settings: ManyLogins());
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_sign_up_creates_an_inactive_buyer_named_after_the_email_and_hands_out_no_token()
    {
        var email = NewEmail("camille.dupont");
        var client = _host.CreateClient();

        var body = await (await client.Register(new { email = $"  {email.ToUpperInvariant()} ", password = Password })).Object(HttpStatusCode.Created);

        Assert.Equal(["message", "user"], body.Keys());
        var user = body["user"];
        Assert.Equal(UserShape, user.Keys());
        Assert.Equal(email, user.Text("email"));
        Assert.Equal(email.Split('@')[0], user.Text("name"));
        Assert.Equal("BUYER", user.Text("role"));
        Assert.False(user!["active"]!.GetValue<bool>());
        Assert.Contains("awaits validation", body.Text("message"));
        Assert.Equal(user.Text("id"), await _host.Grains.GetGrain<IEmailIndexGrain>(email).GetUserId());
        var login = await client.Login(email, Password);
        Assert.Contains("awaits validation", await login.Error(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task The_optional_profile_fields_are_kept_and_a_client_supplied_id_is_ignored()
    {
        var email = NewEmail();

        var user = (await (await _host.CreateClient().Register(new
        {
            id = "chosen-by-the-client",
            name = "  Camille  ",
            email,
            password = Password,
            role = "BUYER",
            address = "12 rue des Lilas, Lyon",
            phone = "+33 6 12 34 56 78",
            gender = "female",
        })).Object(HttpStatusCode.Created))["user"];

        Assert.NotEqual("chosen-by-the-client", user.Text("id"));
        Assert.Null(await _host.Profile("chosen-by-the-client"));
        var stored = (await _host.Profile(user.Text("id")))!;
        Assert.Equal(("Camille", "12 rue des Lilas, Lyon", "+33 6 12 34 56 78", "female"), (stored.Name, stored.Address, stored.Phone, stored.Gender));
        Assert.Equal(("Camille", "12 rue des Lilas, Lyon", "+33 6 12 34 56 78", "female"),
            (user.Text("name"), user.Text("address"), user.Text("phone"), user.Text("gender")));
    }

    [Fact]
    public async Task A_seller_sign_up_stores_SELLER_and_opens_a_pending_seller_request_with_its_message()
    {
        var email = NewEmail();

        var body = await (await _host.CreateClient().Register(new
        {
            email, password = Password, role = "SELLER", sellerMessage = "I sell vintage stamps.",
        })).Object(HttpStatusCode.Created);

        Assert.Equal("SELLER", body["user"].Text("role"));
        Assert.False(body["user"]!["active"]!.GetValue<bool>());
        Assert.Contains("awaits validation", body.Text("message"));
        var request = await _host.Grains.GetGrain<IUserGrain>(body["user"].Text("id")).GetSellerRequest();
        Assert.NotNull(request);
        Assert.Equal((SellerRequestStatus.Pending, "I sell vintage stamps."), (request.Status, request.Message));
    }

    [Fact]
    public async Task An_email_that_is_already_used_is_refused_with_400_whatever_its_spelling()
    {
        var email = NewEmail();
        var client = _host.CreateClient();
        await (await client.Register(new { email, password = Password })).Object(HttpStatusCode.Created);

        var again = await client.Register(new { email = $" {email.ToUpperInvariant()}", password = Password, role = "SELLER" });

        Assert.Equal("This email is already registered.", await again.Error(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "   ", "password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "not-an-email", "password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "two@@collector.test", "password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "nodot@collector", "password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "someone@collector.test"}""", "password")]
    [InlineData("""{"email": "someone@collector.test", "password": ""}""", "password")]
    [InlineData("""{"email": "someone@collector.test", "password": "Sh0rt-!"}""", "password")]
    [InlineData("""{"email": "someone@collector.test", "password": "LettersAndDigits123"}""", "password")]
    [InlineData("""{"email": "someone@collector.test", "password": "Stamp-album-42", "role": "ADMIN"}""", "role")]
    [InlineData("""{"email": "someone@collector.test", "password": "Stamp-album-42", "role": "COLLECTOR"}""", "role")]
    public async Task An_invalid_sign_up_is_400_naming_the_field(string json, string field)
    {
        var response = await _host.CreateClient().PostRaw("/api/auth/register", json);

        var body = await response.Object(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(body.Text("error")));
        Assert.NotNull(body["errors"]?[field]);
        Assert.Null(await _host.Grains.GetGrain<IEmailIndexGrain>("someone@collector.test").GetUserId());
    }

    [Fact]
    public async Task Passwords_longer_than_bcrypt_reads_and_overlong_names_are_400()
    {
        var client = _host.CreateClient();

        var longPassword = await client.Register(new { email = NewEmail(), password = new string('x', 72) + "!" });
        var longName = await client.Register(new { email = NewEmail(), password = Password, name = new string('n', 101) });

        Assert.NotNull((await longPassword.Object(HttpStatusCode.BadRequest))["errors"]?["password"]);
        Assert.NotNull((await longName.Object(HttpStatusCode.BadRequest))["errors"]?["name"]);
    }

    [Theory]
    [InlineData("""{"email": 5, "password": "Stamp-album-42"}""")]
    [InlineData("""{"email": "someone@collector.test", "password": true}""")]
    [InlineData("""{"email": "someone@collector.test", "password": "Stamp-album-42", "role": 1}""")]
    [InlineData("""{"email": "someone@collector.test", "password": "Stamp-album-42", "name": ["a"]}""")]
    [InlineData("""{"email": "someone@collector.test", "password": """)]
    [InlineData("""[]""")]
    [InlineData("")]
    public async Task Malformed_json_and_wrong_types_are_400_not_500(string json)
    {
        var response = await _host.CreateClient().PostRaw("/api/auth/register", json);

        await response.Error(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Twenty_sign_ups_racing_for_one_email_over_http_create_exactly_one_account()
    {
        var email = NewEmail("racer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _host.CreateClient().Register(new { name = $"Racer {i}", email, password = Password })));

        var created = Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response != created), response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        var winner = (await created.Object(HttpStatusCode.Created))["user"].Text("id");
        var (admin, _) = await _host.Admin();
        var accounts = await (await admin.GetAsync($"/api/admin/users?q={email}")).Object();
        Assert.Equal(1, accounts["total"]!.GetValue<int>());
        Assert.Equal(winner, Assert.Single(accounts["items"]!.AsArray()).Text("id"));
        Assert.Equal(winner, await _host.Grains.GetGrain<IEmailIndexGrain>(email).GetUserId());
    }
}

/// <summary>With Accounts:RequireApproval=false a buyer can sign in at once; a seller still waits for the decision.</summary>
public sealed class OpenRegistrationTests : IAsyncLifetime
{
    private ShopHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ShopHost(settings: new Dictionary<string, string?> { ["Accounts:RequireApproval"] = "false" });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_buyer_sign_up_is_active_and_can_sign_in_at_once()
    {
        var email = NewEmail();
        var client = _host.CreateClient();

        var body = await (await client.Register(new { email, password = Password })).Object(HttpStatusCode.Created);

        Assert.True(body["user"]!["active"]!.GetValue<bool>());
        Assert.DoesNotContain("awaits validation", body.Text("message"));
        var signedIn = await (await client.Login(email, Password)).Object();
        Assert.Equal(body["user"].Text("id"), signedIn["user"].Text("id"));
    }

    [Fact]
    public async Task A_seller_sign_up_still_awaits_validation()
    {
        var email = NewEmail();
        var client = _host.CreateClient();

        var body = await (await client.Register(new { email, password = Password, role = "SELLER" })).Object(HttpStatusCode.Created);

        Assert.False(body["user"]!["active"]!.GetValue<bool>());
        Assert.Contains("awaits validation", body.Text("message"));
        await (await client.Login(email, Password)).Error(HttpStatusCode.Forbidden);
    }
}
