namespace CollectorShop.Tests.Cluster;

/// <summary>
/// The multi-silo tests run one class at a time and after every parallel collection: each starts several silo
/// processes on a 2-core machine, and none may meet the broker outage tests that stop the shared RabbitMQ node.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Silo processes";
}
