using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CollectorShop.Grains;
using CollectorShop.Tests.Http.Accounts;
using static CollectorShop.Tests.Http.Accounts.AccountApi;

namespace CollectorShop.Tests.Http.Admin;

/// <summary>The admin's user screens: search, (de)activation and roles, and how they take effect at once.</summary>
public sealed class UserAdminTests : IAsyncLifetime
{
    private ShopHost _host = null!;
    private HttpClient _admin = null!;
    private UserProfile _adminUser = null!;

    public async Task InitializeAsync()
    {
        _host = new ShopHost(settings: ManyLogins());
        (_admin, _adminUser) = await _host.Admin();
    }

    public Task DisposeAsync() => _host.DisposeAndDelete();

    [Fact]
    public async Task Users_come_sorted_by_name_in_the_original_envelope_and_q_matches_names_case_insensitively()
    {
        var tag = NewTag();
        await _host.SignedInUser(name: $"{tag} Charlie");
        await _host.SignedInUser(Role.Seller, name: $"{tag} alice");
        await _host.SignedInUser(name: $"{tag} Bob");

        var page = await (await _admin.GetAsync($"/api/admin/users?q={tag.ToUpperInvariant()}")).Object();

        Assert.Equal(["items", "page", "pageSize", "total"], page.Keys());
        Assert.Equal((3, 1, 10), (page["total"]!.GetValue<int>(), page["page"]!.GetValue<int>(), page["pageSize"]!.GetValue<int>()));
        var items = page["items"]!.AsArray();
        Assert.Equal([$"{tag} alice", $"{tag} Bob", $"{tag} Charlie"], items.Select(user => user.Text("name")));
        Assert.All(items, user => Assert.Equal(UserShape, user.Keys()));
    }

    [Fact]
    public async Task Q_matches_the_email_case_insensitively()
    {
        var (_, user) = await _host.SignedInUser();
        var localPart = user.Email.Split('@')[0];

        var page = await (await _admin.GetAsync($"/api/admin/users?q={localPart.ToUpperInvariant()}")).Object();

        Assert.Equal(user.Id, Assert.Single(page["items"]!.AsArray()).Text("id"));
    }

    [Fact]
    public async Task Role_narrows_the_list_and_pages_split_it()
    {
        var tag = NewTag();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await _host.SignedInUser(Role.Seller, name: $"{tag} {name}");
        }
        await _host.SignedInUser(Role.Buyer, name: $"{tag} buyer");

        var sellers = await (await _admin.GetAsync($"/api/admin/users?q={tag}&role=SELLER&pageSize=2")).Object();
        var secondPage = await (await _admin.GetAsync($"/api/admin/users?q={tag}&role=seller&pageSize=2&page=2")).Object();

        Assert.Equal(3, sellers["total"]!.GetValue<int>());
        Assert.Equal([$"{tag} a", $"{tag} b"], sellers["items"]!.AsArray().Select(user => user.Text("name")));
        Assert.Equal((2, 2), (secondPage["page"]!.GetValue<int>(), secondPage["pageSize"]!.GetValue<int>()));
        Assert.Equal([$"{tag} c"], secondPage["items"]!.AsArray().Select(user => user.Text("name")));
    }

    [Fact]
    public async Task Q_with_sql_wildcards_matches_them_literally()
    {
        var tag = NewTag();
        await _host.SignedInUser(name: $"{tag} 100%_sure");
        await _host.SignedInUser(name: $"{tag} plain");

        var page = await (await _admin.GetAsync($"/api/admin/users?q={tag}%20{Uri.EscapeDataString("%_")}")).Object();

        Assert.Equal($"{tag} 100%_sure", Assert.Single(page["items"]!.AsArray()).Text("name"));
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=51")]
    [InlineData("pageSize=ten")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("role=KING")]
    [InlineData("role=")]
    public async Task Bad_list_parameters_are_400(string query)
    {
        await (await _admin.GetAsync($"/api/admin/users?{query}")).Error(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Page_size_50_is_the_largest_allowed()
    {
        var page = await (await _admin.GetAsync("/api/admin/users?pageSize=50")).Object();

        Assert.Equal(50, page["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_deactivated_users_still_valid_token_gets_403_at_once_and_works_again_after_reactivation()
    {
        var (client, user) = await _host.SignedInUser();
        await (await client.GetAsync("/api/auth/me")).Object();

        var deactivated = await (await _admin.PostAsJsonAsync($"/api/admin/users/{user.Id}/active", new { active = false })).Object();

        Assert.Equal(["active", "email", "id", "name", "role"], deactivated.Keys());
        Assert.Equal((user.Id, user.Email, "BUYER", false),
            (deactivated.Text("id"), deactivated.Text("email"), deactivated.Text("role"), deactivated["active"]!.GetValue<bool>()));
        Assert.Contains("not active", await (await client.GetAsync("/api/auth/me")).Error(HttpStatusCode.Forbidden));

        await (await _admin.PostAsJsonAsync($"/api/admin/users/{user.Id}/active", new { active = true })).Object();

        await (await client.GetAsync("/api/auth/me")).Object();
    }

    [Fact]
    public async Task Activating_an_account_that_awaits_validation_lets_it_sign_in()
    {
        var email = NewEmail();
        var client = _host.CreateClient();
        var userId = (await (await client.Register(new { email, password = Password })).Object(HttpStatusCode.Created))["user"].Text("id");
        await (await client.Login(email, Password)).Error(HttpStatusCode.Forbidden);

        await (await _admin.PostAsJsonAsync($"/api/admin/users/{userId}/active", new { active = true })).Object();

        await (await client.Login(email, Password)).Object();
    }

    [Fact]
    public async Task A_role_change_answers_the_account_without_its_active_flag_and_takes_effect_at_once()
    {
        var (client, user) = await _host.SignedInUser();

        var changed = await (await _admin.PostAsJsonAsync($"/api/admin/users/{user.Id}/role", new { role = "SELLER" })).Object();

        Assert.Equal(["email", "id", "name", "role"], changed.Keys());
        Assert.Equal((user.Id, "SELLER"), (changed.Text("id"), changed.Text("role")));
        Assert.Equal("SELLER", (await (await client.GetAsync("/api/auth/me")).Object()).Text("role"));
    }

    [Fact]
    public async Task A_demoted_admin_loses_the_admin_routes_at_once()
    {
        var (otherAdmin, other) = await _host.Admin();
        await (await otherAdmin.GetAsync("/api/admin/users")).Object();

        await (await _admin.PostAsJsonAsync($"/api/admin/users/{other.Id}/role", new { role = "BUYER" })).Object();

        await (await otherAdmin.GetAsync("/api/admin/users")).Error(HttpStatusCode.Forbidden);
        await (await otherAdmin.PostAsJsonAsync($"/api/admin/users/{_adminUser.Id}/role", new { role = "BUYER" })).Error(HttpStatusCode.Forbidden);
        Assert.Equal(Role.Admin, (await _host.Profile(_adminUser.Id))!.Role);
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_deactivate_themself()
    {
        var (admin, me) = await _host.Admin();

        await (await admin.PostAsJsonAsync($"/api/admin/users/{me.Id}/role", new { role = "SELLER" })).Error(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/admin/users/{me.Id}/active", new { active = false })).Error(HttpStatusCode.Conflict);

        var still = (await _host.Profile(me.Id))!;
        Assert.Equal((Role.Admin, true), (still.Role, still.Active));
        await (await admin.GetAsync("/api/admin/users")).Object();
    }

    [Theory]
    [InlineData("""{"active": "yes"}""")]
    [InlineData("""{"active": "true"}""")]
    [InlineData("""{"active": 1}""")]
    [InlineData("""{"active": null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"active": tru""")]
    [InlineData("")]
    public async Task Active_must_be_a_json_boolean(string json)
    {
        var (_, user) = await _host.SignedInUser();

        await (await _admin.PostRaw($"/api/admin/users/{user.Id}/active", json)).Error(HttpStatusCode.BadRequest);

        Assert.True((await _host.Profile(user.Id))!.Active);
    }

    [Theory]
    [InlineData("""{"role": "KING"}""")]
    [InlineData("""{"role": "1"}""")]
    [InlineData("""{"role": 2}""")]
    [InlineData("""{"role": null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"role": "SELLER" """)]
    public async Task Role_must_be_BUYER_SELLER_or_ADMIN(string json)
    {
        var (_, user) = await _host.SignedInUser();

        await (await _admin.PostRaw($"/api/admin/users/{user.Id}/role", json)).Error(HttpStatusCode.BadRequest);

        Assert.Equal(Role.Buyer, (await _host.Profile(user.Id))!.Role);
    }

    [Fact]
    public async Task Changing_an_unknown_user_is_404()
    {
        await (await _admin.PostAsJsonAsync("/api/admin/users/no-such-user/active", new { active = false })).Error(HttpStatusCode.NotFound);
        await (await _admin.PostAsJsonAsync("/api/admin/users/no-such-user/role", new { role = "SELLER" })).Error(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_reach_the_user_screens()
    {
        var (seller, user) = await _host.SignedInUser(Role.Seller);
        var anonymous = _host.CreateClient();

        await (await seller.GetAsync("/api/admin/users")).Error(HttpStatusCode.Forbidden);
        await (await seller.PostAsJsonAsync($"/api/admin/users/{user.Id}/active", new { active = true })).Error(HttpStatusCode.Forbidden);
        await (await seller.PostAsJsonAsync($"/api/admin/users/{user.Id}/role", new { role = "ADMIN" })).Error(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync("/api/admin/users")).Error(HttpStatusCode.Unauthorized);
        Assert.Equal(Role.Seller, (await _host.Profile(user.Id))!.Role);
    }

    private static string NewTag() => $"tag{Guid.NewGuid():N}"[..16];
}
