using CollectorShop.Grains;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CollectorShop.Silo.Persistence;

/// <summary>
/// Grains project to the read model right after each stored change, but a crash between the two
/// leaves a row behind its grain, and nothing would activate that grain again. At start-up this
/// finds every grain whose stored version is newer than its row (or has no row) and activates it:
/// activation re-projects the stored state.
/// </summary>
public sealed class ReadModelCatchUp(
    ShopDatabase database,
    IGrainFactory grains,
    IOptions<ClusterOptions> cluster,
    ILogger<ReadModelCatchUp> logger) : IHostedService
{
    private sealed record Projected(string GrainType, string Table, Func<IGrainFactory, string, Task> Activate);

    private static readonly Projected[] Grains =
    [
        new("product", "products", (factory, id) => factory.GetGrain<IProductGrain>(id).Get()),
        new("order", "orders", (factory, id) => factory.GetGrain<IOrderGrain>(id).Get()),
        new("user", "users", (factory, id) => factory.GetGrain<IUserGrain>(id).Get()),
        new("seller-request", "seller_requests", (factory, id) => factory.GetGrain<ISellerRequestGrain>(id).Get()),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var projected in Grains)
        {
            var behind = await Behind(projected.GrainType, cancellationToken);
            if (behind.Count == 0)
            {
                continue;
            }

            logger.LogWarning(
                "The read model is behind for {Count} {GrainType} grain(s); activating them to re-project their state",
                behind.Count, projected.GrainType);
            foreach (var id in behind)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await projected.Activate(grains, id);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Could not activate {GrainType} grain {Id} to catch up its read-model row", projected.GrainType, id);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keys of the grains of one type (e.g. "order") whose stored version has no row, or a newer one than the row's.</summary>
    internal async Task<IReadOnlyList<string>> Behind(string grainType, CancellationToken cancellationToken)
    {
        var projected = Grains.Single(candidate => candidate.GrainType == grainType);
        await using var connection = await database.Open(cancellationToken);
        var stored = await connection.QueryAsync<(long N0, long N1, string Extension, long Version)>(new CommandDefinition(
            """
            SELECT GrainIdN0, GrainIdN1, GrainIdExtensionString, Version
            FROM OrleansStorage
            WHERE GrainTypeString = @GrainType AND ServiceId = @ServiceId AND PayloadBinary IS NOT NULL
            """,
            new { projected.GrainType, cluster.Value.ServiceId },
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(string Id, long Version)>(new CommandDefinition(
            $"SELECT id, version FROM {projected.Table}", cancellationToken: cancellationToken));

        // Rows are matched by storage identity: the storage keeps no readable key for GUID-shaped ids.
        var projectedVersions = new Dictionary<StoredGrainKey, long>();
        foreach (var row in rows)
        {
            projectedVersions[StoredGrainKey.Of(row.Id)] = row.Version;
        }

        return stored
            .Select(grain => (Key: new StoredGrainKey(grain.N0, grain.N1, grain.Extension), grain.Version))
            .Where(grain => !projectedVersions.TryGetValue(grain.Key, out var projectedVersion) || projectedVersion < grain.Version)
            .Select(grain => grain.Key.ToKey())
            .ToList();
    }
}
