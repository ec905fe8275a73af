using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectorShop.Silo.Health;

/// <summary>The checks behind /health/ready.</summary>
public static class ShopHealth
{
    /// <summary>The tag of every check that decides readiness.</summary>
    public const string Ready = "ready";

    // A probe that hangs is a failed probe: Kubernetes gives up on it after a few seconds anyway.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The silo answers a grain call and the database answers a query. The RabbitMQ bridge adds its broker
    /// check with <see cref="AddReadinessCheck{TCheck}"/> when RabbitMQ:Url is configured.
    /// </summary>
    public static IHealthChecksBuilder AddShopHealthChecks(this IServiceCollection services) => services.AddHealthChecks()
        .AddReadinessCheck<SiloHealthCheck>("silo")
        .AddReadinessCheck<DatabaseHealthCheck>("database");

    /// <summary>A check that /health/ready runs, named in its answer and in the error when it fails.</summary>
    public static IHealthChecksBuilder AddReadinessCheck<TCheck>(this IHealthChecksBuilder checks, string name) where TCheck : class, IHealthCheck =>
        checks.AddCheck<TCheck>(name, tags: [Ready], timeout: CheckTimeout);
}
