using System.Text.Json.Serialization;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectorShop.Silo.Health;

public sealed record HealthCheckEntry(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description);

/// <summary>A probe's answer; when it fails, <c>error</c> names the failed checks, as every 5xx body of the shop carries one.</summary>
public sealed record HealthAnswer(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    IReadOnlyDictionary<string, HealthCheckEntry> Checks);

/// <summary>The API's own health route, and the liveness and readiness probes of the orchestrator.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health").AllowAnonymous();
        // Liveness runs no check: a process that can answer at all should not be restarted.
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .WithName("Liveness")
            .AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ShopHealth.Ready), ResponseWriter = Write })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .WithName("Readiness")
            .AllowAnonymous();
        return routes;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        var failed = report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy).Select(entry => entry.Key).ToList();
        var answer = new HealthAnswer(
            WireNames.Of(report.Status),
            failed.Count == 0 ? null : $"Not ready: {string.Join(", ", failed)} failed.",
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new HealthCheckEntry(WireNames.Of(entry.Value.Status), entry.Value.Description)));
        return context.Response.WriteAsJsonAsync(answer);
    }
}
