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
    /// check to the returned builder, tagged <see cref="Ready"/>, when RabbitMQ:Url is configured.
    /// </summary>
    public static IHealthChecksBuilder AddShopHealthChecks(this IServiceCollection services) => services.AddHealthChecks()
        .AddCheck<SiloHealthCheck>("silo", tags: [Ready], timeout: CheckTimeout)
        .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: CheckTimeout);
}
