using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CollectorShop.Tests.Http;

/// <summary>
/// The real silo host (Orleans + ASP.NET Core) on a fresh temporary SQLite file, with its own
/// silo and gateway ports so several hosts can run side by side.
/// </summary>
public sealed class ShopHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@collector.test";
    public const string AdminPassword = "Admin-password-1";

    private readonly Dictionary<string, string?> _settings;

    public ShopHost(string? folder = null, IDictionary<string, string?>? settings = null)
    {
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

    /// <summary>The folder that holds this host's database; a second host on the same folder sees the same shop.</summary>
    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
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

    /// <summary>Stops the host and deletes its folder.</summary>
    public async Task DisposeAndDelete()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private sealed record LoginBody(string Token);
}
