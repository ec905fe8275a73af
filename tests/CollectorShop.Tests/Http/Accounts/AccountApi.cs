using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CollectorShop.Grains;

namespace CollectorShop.Tests.Http.Accounts;

/// <summary>What the account and admin tests say to the real host, and how they read its JSON.</summary>
public static class AccountApi
{
    /// <summary>Strong enough for the shop's password rule.</summary>
    public const string Password = "Stamp-album-42";

    public static readonly string[] UserShape = ["active", "address", "email", "gender", "id", "name", "phone", "role"];

    /// <summary>Settings for hosts whose tests sign in often: the per-address login limit is not what they check.</summary>
    public static Dictionary<string, string?> ManyLogins() => new() { ["RateLimiting:LoginPerMinutePerAddress"] = "1000" };

    public static string NewEmail(string prefix = "collector") => $"{prefix}-{Guid.NewGuid():N}@collector.test";

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> Register(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/auth/register", body);

    public static Task<HttpResponseMessage> Login(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    public static async Task<JsonNode?> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text);
    }

    public static async Task<JsonObject> Object(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        Assert.IsType<JsonObject>(await response.Json(expected));

    /// <summary>Asserts the status and the shop's error body, and returns its message.</summary>
    public static async Task<string> Error(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Object(expected);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var message = body["error"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message), $"No error message in {body}");
        return message!;
    }

    public static string[] Keys(this JsonNode? node) => [.. Assert.IsType<JsonObject>(node).Select(member => member.Key).Order(StringComparer.Ordinal)];

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static async Task<(HttpClient Client, UserProfile User)> Admin(this ShopHost host) => await host.SignedInUser(Role.Admin);

    public static Task<UserProfile?> Profile(this ShopHost host, string userId) => host.Grains.GetGrain<IUserGrain>(userId).Get();
}
