using System.Net;
using System.Net.Http.Json;

namespace CollectorShop.Tests.Http;

/// <summary>The silo serves the SPA build next to the API: files, client routes, cache headers, API 404s and body limits.</summary>
public sealed class SpaHostingTests : IAsyncLifetime
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("collector-shop-wwwroot-").FullName;
    private ShopHost _host = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><title>Collector Shop</title><div id=root></div>");
        File.WriteAllText(Path.Combine(_webRoot, "assets", "index-3f2a9c.js"), "console.log('shop');");
        _host = new ShopHost(settings: new Dictionary<string, string?> { ["webroot"] = _webRoot });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAndDelete();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products/0192f1c7a6e3")]
    [InlineData("/admin/users?page=2")]
    public async Task Client_side_urls_get_the_spa_shell_revalidated_on_every_load(string url)
    {
        var response = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=root>", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_never_sniffed()
    {
        var response = await _host.CreateClient().GetAsync("/assets/index-3f2a9c.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('shop');", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/products/x/no-such-action")]
    public async Task An_unknown_api_route_is_a_json_404_not_the_spa(string url)
    {
        var response = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("There is no such API route.", (await response.Content.ReadFromJsonAsync<ErrorBody>())!.Error);
    }

    [Theory]
    [InlineData("/scalar/")]
    [InlineData("/openapi/no-such-document.json")]
    [InlineData("/payments/no-such-gateway")]
    public async Task The_servers_own_pages_are_never_answered_with_the_spa_shell(string url)
    {
        var response = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<div id=root>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_refused_with_413()
    {
        var huge = new { email = "someone@example.com", password = new string('x', 70 * 1024) };

        var response = await _host.CreateClient().PostAsJsonAsync("/api/auth/login", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("A JSON body may not exceed 64 KB.", (await response.Content.ReadFromJsonAsync<ErrorBody>())!.Error);
    }

    private sealed record ErrorBody(string Error);
}
