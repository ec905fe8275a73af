using System.Net;
using System.Text.Json;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http.Health;

/// <summary>GET /api/health, /health/live and /health/ready on the real host.</summary>
public sealed class HealthTests(ClassHost fixture) : IClassFixture<ClassHost>
{
    private readonly ShopHost _host = fixture.Host;

    [Fact]
    public async Task The_api_health_route_answers_ok()
    {
        var response = await _host.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_answers_200_while_the_process_runs()
    {
        var response = await _host.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_silo_and_the_database_answer()
    {
        var response = await _host.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, "a probe's answer must never come from a cache");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.TryGetProperty("error", out _));
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal(["silo", "database"], checks.EnumerateObject().Select(check => check.Name));
        Assert.All(checks.EnumerateObject(), check => Assert.Equal("healthy", check.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Readiness_answers_503_naming_the_database_when_it_cannot_answer()
    {
        var database = _host.Services.GetRequiredService<ShopDatabase>();
        await using var connection = await database.Open();
        // Orleans read its queries at start-up, so only the probe notices the table is gone.
        await connection.ExecuteAsync("ALTER TABLE OrleansQuery RENAME TO OrleansQueryAway");
        HttpResponseMessage response;
        try
        {
            response = await _host.CreateClient().GetAsync("/health/ready");
        }
        finally
        {
            await connection.ExecuteAsync("ALTER TABLE OrleansQueryAway RENAME TO OrleansQuery");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Not ready: database failed.", await response.ErrorOf());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("The database did not answer a query.", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/health/ready")).StatusCode);
    }
}
