namespace CollectorShop.Silo.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        return routes;
    }
}
