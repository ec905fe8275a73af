using System.Net.Http.Headers;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Persistence;
using CollectorShop.Tests.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http;

/// <summary>
/// The real silo host (Orleans + ASP.NET Core) on a fresh temporary SQLite file, with its own
/// silo and gateway ports so several hosts can run side by side.
/// </summary>
public sealed class ShopHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@collector.test";
    public const string AdminPassword = "Admin-password-1";

    /// <summary>The password of every account made by <see cref="SignedInUser"/>.</summary>
    public const string UserPassword = "Collector-password-1";

    private static readonly Lazy<string> UserPasswordHash = new(() => Passwords.Hash(UserPassword));

    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    public ShopHost(string? folder = null, IDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        _environment = environment;
        Folder = folder ?? Directory.CreateTempSubdirectory("collector-shop-http-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Shop"] = $"Data Source={Path.Combine(Folder, "shop.db")}",
            ["Orleans:SiloPort"] = TestPorts.Free().ToString(),
            ["Orleans:GatewayPort"] = TestPorts.Free().ToString(),
            ["Jwt:Secret"] = "a-test-secret-that-is-long-enough-for-hs256!",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Demo:Seed"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// A host on a database of its own of <paramref name="provider"/>: a temporary SQLite file, or a fresh PostgreSQL
    /// database on the test server (localhost clustering either way).
    /// </summary>
    public static async Task<ShopHost> On(StorageProvider provider) => provider == StorageProvider.Sqlite
        ? new ShopHost()
        : new ShopHost(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:Shop"] = await PostgresServer.NewDatabase(),
        });

    /// <summary>The folder that holds this host's SQLite database; a second host on the same folder sees the same shop.</summary>
    public string Folder { get; }

    /// <summary>A new host on this host's database, with its settings and ports of its own: the same shop after a restart.</summary>
    public ShopHost Restarted() => new(
        Folder,
        _settings.Where(setting => setting.Key is not ("Orleans:SiloPort" or "Orleans:GatewayPort")).ToDictionary(),
        _environment);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Logs in and returns a client that sends the token.</summary>
    public async Task<HttpClient> SignIn(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<LoginBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.Token);
        return client;
    }

    public Task<HttpClient> SignInAsAdmin() => SignIn(AdminEmail, AdminPassword);

    /// <summary>The silo's grains, for arranging state the test is not about.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// A new account made straight through the email index (password <see cref="UserPassword"/>),
    /// and a client carrying a token the shop issued for it.
    /// </summary>
    public async Task<(HttpClient Client, UserProfile User)> SignedInUser(Role role = Role.Buyer, bool active = true, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@collector.test";
        var registration = new Registration(
            name ?? email.Split('@')[0], email, UserPasswordHash.Value, role, active, null, null, null, null);
        var created = await Grains.GetGrain<IEmailIndexGrain>(email).Register(registration);
        var user = created.Value ?? throw new InvalidOperationException($"Could not create {email}: {created.Refusal}");
        return (ClientWithToken(user), user);
    }

    /// <summary>A client that sends a token the shop's own issuer signed for this user.</summary>
    public HttpClient ClientWithToken(UserProfile user)
    {
        var token = Services.GetRequiredService<ShopAuth.TokenIssuer>().Issue(user, DateTimeOffset.UtcNow);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Stops the host and deletes its folder, and its PostgreSQL database when it has one.</summary>
    public async Task DisposeAndDelete()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        if (_settings.GetValueOrDefault("Storage:Provider") == nameof(StorageProvider.Postgres))
        {
            await PostgresServer.Drop(_settings["ConnectionStrings:Shop"]!);
        }
    }

    private sealed record LoginBody(string Token);
}
