using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using CollectorShop.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CollectorShop.Tests.Http.Accounts.AccountApi;

namespace CollectorShop.Tests.Http.Accounts;

/// <summary>POST /api/auth/login, GET /api/auth/me, and the tokens the shop accepts.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private ShopHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ShopHost(settings: ManyLogins());
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _host.DisposeAndDelete();

    [Fact]
    public async Task Signing_in_returns_a_token_and_the_user_without_its_password_hash()
    {
        var (_, user) = await _host.SignedInUser(Role.Seller);
        var client = _host.CreateClient();

        var body = await (await client.Login($" {user.Email.ToUpperInvariant()} ", ShopHost.UserPassword)).Object();

        Assert.Equal(["token", "user"], body.Keys());
        Assert.Equal(UserShape, body["user"].Keys());
        Assert.Equal((user.Id, user.Email, "SELLER", true), (body["user"].Text("id"), body["user"].Text("email"), body["user"].Text("role"), body["user"]!["active"]!.GetValue<bool>()));
        Assert.DoesNotContain("$2", body.ToJsonString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.Text("token"));
        var me = await (await client.GetAsync("/api/auth/me")).Object();
        Assert.Equal(UserShape, me.Keys());
        Assert.Equal(user.Id, me.Text("id"));
    }

    [Fact]
    public async Task The_admin_made_at_start_up_can_sign_in()
    {
        var admin = await _host.SignInAsAdmin();

        var me = await (await admin.GetAsync("/api/auth/me")).Object();

        Assert.Equal((ShopHost.AdminEmail, "ADMIN"), (me.Text("email"), me.Text("role")));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_401()
    {
        var (_, user) = await _host.SignedInUser();
        var client = _host.CreateClient();

        var wrongPassword = await (await client.Login(user.Email, "Not-the-password-1")).Error(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await client.Login(NewEmail(), ShopHost.UserPassword)).Error(HttpStatusCode.Unauthorized);
        var notAnEmail = await (await client.Login("nobody", ShopHost.UserPassword)).Error(HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword, unknownEmail);
        Assert.Equal(wrongPassword, notAnEmail);
    }

    [Fact]
    public async Task An_inactive_account_with_the_right_password_gets_403_saying_it_awaits_validation()
    {
        var (_, user) = await _host.SignedInUser(active: false);

        var response = await _host.CreateClient().Login(user.Email, ShopHost.UserPassword);

        Assert.Contains("awaits validation", await response.Error(HttpStatusCode.Forbidden));
    }

    [Theory]
    [InlineData("""{}""", "email")]
    [InlineData("""{"password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": " ", "password": "Stamp-album-42"}""", "email")]
    [InlineData("""{"email": "someone@collector.test"}""", "password")]
    [InlineData("""{"email": "someone@collector.test", "password": ""}""", "password")]
    public async Task A_missing_field_is_400_naming_it(string json, string field)
    {
        var response = await _host.CreateClient().PostRaw("/api/auth/login", json);

        Assert.NotNull((await response.Object(HttpStatusCode.BadRequest))["errors"]?[field]);
    }

    [Theory]
    [InlineData("""{"email": 5, "password": "Stamp-album-42"}""")]
    [InlineData("""{"email": "someone@collector.test", "password": 12345678}""")]
    [InlineData("""{"email": "someone@collector.test", """)]
    [InlineData("""null""")]
    [InlineData("")]
    public async Task Malformed_json_and_wrong_types_are_400_not_500(string json)
    {
        var response = await _host.CreateClient().PostRaw("/api/auth/login", json);

        await response.Error(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/register")]
    public async Task A_body_that_is_not_json_is_415_and_no_body_at_all_is_400(string url)
    {
        var client = _host.CreateClient();

        var text = await client.PostAsync(url, new StringContent("email=someone@collector.test", Encoding.UTF8, "text/plain"));
        var nothing = await client.PostAsync(url, null);

        await text.Error(HttpStatusCode.UnsupportedMediaType);
        await nothing.Error(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Me_needs_a_token()
    {
        var response = await _host.CreateClient().GetAsync("/api/auth/me");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_the_shops_way_is_accepted_which_is_what_the_rejections_below_differ_from()
    {
        var (_, user) = await _host.SignedInUser();

        var response = await WithToken(Token(user, ShopKey(), DateTime.UtcNow.AddDays(7))).GetAsync("/api/auth/me");

        Assert.Equal(user.Id, (await response.Object()).Text("id"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var (_, user) = await _host.SignedInUser();
        var otherKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-secret-that-is-long-enough-for-hs256!"));

        var response = await WithToken(Token(user, otherKey, DateTime.UtcNow.AddDays(7))).GetAsync("/api/auth/me");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var (_, user) = await _host.SignedInUser();

        var response = await WithToken(Token(user, ShopKey(), DateTime.UtcNow.AddMinutes(-5))).GetAsync("/api/auth/me");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var (_, user) = await _host.SignedInUser(Role.Admin);

        var response = await WithToken(Token(user, key: null, DateTime.UtcNow.AddDays(7))).GetAsync("/api/admin/users");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_of_an_account_that_does_not_exist_is_401()
    {
        var (_, user) = await _host.SignedInUser();

        var response = await WithToken(Token(user with { Id = ShopIds.New() }, ShopKey(), DateTime.UtcNow.AddDays(7))).GetAsync("/api/auth/me");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")]
    [InlineData("a.b.c.d.e")]
    public async Task A_garbage_token_is_401(string token)
    {
        var response = await WithToken(token).GetAsync("/api/auth/me");

        await response.Error(HttpStatusCode.Unauthorized);
    }

    private HttpClient WithToken(string token)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private SymmetricSecurityKey ShopKey() =>
        new(Encoding.UTF8.GetBytes(_host.Services.GetRequiredService<IConfiguration>()["Jwt:Secret"]!));

    /// <summary>A token with the shop's claims, issuer and audience; unsigned (alg none) without a key.</summary>
    private static string Token(UserProfile user, SymmetricSecurityKey? key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "collector-shop",
        Audience = "collector-shop",
        Subject = new ClaimsIdentity(
        [
            new Claim(JwtRegisteredClaimNames.Sub, user.Id),
            new Claim("id", user.Id),
            new Claim("email", user.Email),
            new Claim("role", user.Role.ToString().ToUpperInvariant()),
            new Claim("name", user.Name),
        ]),
        IssuedAt = expires.AddDays(-7),
        NotBefore = expires.AddDays(-7),
        Expires = expires,
        SigningCredentials = key is null ? null : new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });
}
