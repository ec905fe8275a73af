using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

// Two jobs for the benchmark runner (bench/run.sh):
//   bare <url>                       a bare ASP.NET Core endpoint returning a constant JSON object, the baseline
//   seed <shop-url> <admin-email> <admin-password> <count> <accounts-file>
//                                    lists <count> items through the shop's real API and prints one product id;
//                                    writes the emails of 64 active buyer accounts (password Bench-password-1)
//                                    to <accounts-file>, one Lua string per line, for the login run
return args switch
{
    ["bare", var url] => Bare(url),
    ["seed", var shop, var email, var password, var count, var accounts] => await Seed(new Uri(shop), email, password, int.Parse(count), accounts),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench bare <url> | Bench seed <shop-url> <admin-email> <admin-password> <count> <accounts-file>");
    return 2;
}

static int Bare(string url)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    var app = builder.Build();
    app.MapGet("/bare", () => TypedResults.Ok(new Constant("ok", "collector-shop")));
    app.Run(url);
    return 0;
}

static async Task<int> Seed(Uri shop, string adminEmail, string adminPassword, int count, string accountsFile)
{
    using var http = new HttpClient { BaseAddress = shop, Timeout = TimeSpan.FromMinutes(2) };
    var admin = await Token(http, adminEmail, adminPassword);

    var sellerEmail = $"bench-seller-{Guid.NewGuid():N}@collector.test";
    const string sellerPassword = "Bench-password-1";
    await Send(http, HttpMethod.Post, "/api/auth/register", null,
        new { email = sellerEmail, password = sellerPassword, role = "SELLER", sellerMessage = "benchmark seller" });
    var requests = await Send(http, HttpMethod.Get, "/api/admin/seller-requests?status=pending", admin, null);
    foreach (var request in requests!.AsArray())
    {
        if ((string?)request!["user"]!["email"] == sellerEmail)
        {
            await Send(http, HttpMethod.Post, $"/api/admin/seller-requests/{request["id"]}/approve", admin, null);
        }
    }
    var seller = await Token(http, sellerEmail, sellerPassword);
    var image = await Upload(http, seller);

    string[] categories = ["sneakers", "star-wars", "vinyl", "vintage-posters", "action-figures", "vintage-cameras", "comic-books"];
    string[] words = ["rare", "signed", "mint", "boxed", "vintage", "limited", "original", "collector", "edition", "camera", "poster", "figure"];
    var ids = new string[count];
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    {
        var product = await Send(http, HttpMethod.Post, "/api/products", seller, new
        {
            title = $"{words[i % words.Length]} {words[(i / 7) % words.Length]} item {i}",
            description = $"Generated listing number {i} for the benchmark: {words[(i / 3) % words.Length]} condition.",
            price = 5 + i % 500 + 0.99m,
            shipping = 4.5m,
            category = categories[i % categories.Length],
            images = new[] { image },
        });
        ids[i] = (string)product!["id"]!;
        await Send(http, HttpMethod.Post, $"/api/admin/products/{ids[i]}/approve", admin, null);
    });
    // Logins of one account queue behind each other (the failed-login guard), so the login run spreads over many.
    var buyers = new List<string>();
    for (var i = 0; i < 64; i++)
    {
        var buyerEmail = $"bench-buyer-{i}-{Guid.NewGuid():N}@collector.test";
        var registered = await Send(http, HttpMethod.Post, "/api/auth/register", null, new { email = buyerEmail, password = sellerPassword });
        await Send(http, HttpMethod.Post, $"/api/admin/users/{registered!["user"]!["id"]}/active", admin, new { active = true });
        buyers.Add(buyerEmail);
    }
    await File.WriteAllLinesAsync(accountsFile, buyers.Select(buyer => $"\"{buyer}\","));

    Console.WriteLine(ids[count / 2]);
    return 0;
}

static async Task<string> Token(HttpClient http, string email, string password) =>
    (string)(await Send(http, HttpMethod.Post, "/api/auth/login", null, new { email, password }))!["token"]!;

static async Task<JsonNode?> Send(HttpClient http, HttpMethod method, string path, string? token, object? body)
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

static async Task<string> Upload(HttpClient http, string token)
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

internal sealed record Constant(string Status, string Service);
