using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

/// <summary>The shop's HTTP API as the benchmark drives it; every answer other than 2xx throws with its body.</summary>
internal static class ShopApi
{
    public const string Password = "Bench-password-1";

    public static async Task<string> Token(HttpClient http, string email, string password) =>
        (string)(await Send(http, HttpMethod.Post, "/api/auth/login", null, new { email, password }))!["token"]!;

    /// <summary>A new account that asked to sell and was approved by the admin; its token.</summary>
    public static async Task<string> ApprovedSeller(HttpClient http, string admin)
    {
        var email = $"bench-seller-{Guid.NewGuid():N}@collector.test";
        var registered = await Send(http, HttpMethod.Post, "/api/auth/register", null,
            new { email, password = Password, role = "SELLER", sellerMessage = "benchmark seller" });
        var userId = (string)registered!["user"]!["id"]!;
        var requests = await Send(http, HttpMethod.Get, "/api/admin/seller-requests?status=pending", admin, null);
        var request = requests!.AsArray().Single(request => (string?)request!["userId"] == userId)!;
        await Send(http, HttpMethod.Post, $"/api/admin/seller-requests/{request["id"]}/approve", admin, null);
        return await Token(http, email, Password);
    }

    /// <summary>A new buyer account, activated by the admin; its email.</summary>
    public static async Task<string> ActiveBuyer(HttpClient http, string admin, string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@collector.test";
        var registered = await Send(http, HttpMethod.Post, "/api/auth/register", null, new { email, password = Password });
        await Send(http, HttpMethod.Post, $"/api/admin/users/{registered!["user"]!["id"]}/active", admin, new { active = true });
        return email;
    }

    public static async Task<JsonNode?> Send(HttpClient http, HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
    }

    public static async Task<string> Upload(HttpClient http, string token)
    {
        // The smallest valid GIF: a 1×1 image is all a listing needs here.
        byte[] gif = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
            0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(gif);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
        form.Add(file, "image", "bench.gif");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["url"]!;
    }

    /// <summary>Submits <paramref name="count"/> listings of the seller and has the admin approve them; their ids.</summary>
    public static async Task<string[]> ApprovedListings(HttpClient http, string admin, string seller, string image, int count, Func<int, object> listing)
    {
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var product = await Send(http, HttpMethod.Post, "/api/products", seller, listing(i));
            ids[i] = (string)product!["id"]!;
            await Send(http, HttpMethod.Post, $"/api/admin/products/{ids[i]}/approve", admin, null);
        });
        return ids;
    }
}
