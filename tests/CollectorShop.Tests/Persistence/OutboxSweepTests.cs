using CollectorShop.Grains;
using CollectorShop.Silo;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Persistence;
using CollectorShop.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// A silo that dies between a grain's write and its publish leaves the grain listed in pending_outboxes with its
/// events stored, no activation and no reminder. The silos still running find it on their own, without a restart.
/// </summary>
public sealed class OutboxSweepTests
{
    private static readonly TimeSpan Within = StartupSweep.OutboxGrace + TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_grain_a_dead_silo_left_with_undelivered_events_is_delivered_by_a_surviving_silo_within_the_grace_period()
    {
        var cluster = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Shop"] = await PostgresServer.NewDatabase(),
            ["Orleans:Clustering"] = "AdoNet",
            ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        };
        var dying = new ShopHost(settings: cluster);
        var surviving = new ShopHost(settings: cluster);
        try
        {
            _ = dying.Services;
            _ = surviving.Services;
            var storage = dying.Services.GetRequiredKeyedService<IGrainStorage>(ShopSilo.Storage);
            var database = dying.Services.GetRequiredService<ShopDatabase>();
            var grain = await Orphan(storage, database);
            await dying.DisposeAsync();

            await Until(async () => !(await new PendingOutboxes(database, TimeProvider.System).All()).Contains(grain), "the grain is no longer listed");
            var stored = new GrainState<ProductState>();
            await surviving.Services.GetRequiredKeyedService<IGrainStorage>(ShopSilo.Storage).ReadStateAsync("product", grain, stored);
            Assert.Empty(stored.State!.Outbox);
        }
        finally
        {
            // Both stop before either host drops the database they share.
            await surviving.DisposeAsync();
            await dying.DisposeAndDelete();
            await surviving.DisposeAndDelete();
        }
    }

    /// <summary>What the dead silo left: a submitted listing whose event is stored but unpublished, listed a while ago.</summary>
    private static async Task<GrainId> Orphan(IGrainStorage storage, ShopDatabase database)
    {
        var id = ShopIds.New();
        var now = DateTimeOffset.UtcNow;
        var listing = new Listing(
            id, ShopIds.New(), "A seller", "Orphaned poster", "Stored by a silo that died before publishing", 10m, 2m,
            "posters", [], null, ListingStatus.Pending, [], null, null, now, now);
        var grain = GrainId.Create("product", id);
        var listedEarlier = new ShiftedClock(-2 * StartupSweep.OutboxGrace);
        await new PendingOutboxes(database, listedEarlier).List(grain);
        await storage.WriteStateAsync("product", grain, new GrainState<ProductState>(new ProductState
        {
            Listing = listing,
            Outbox = [ListingEvents.Of(ListingEvents.Submitted, null, listing, null)],
        }));
        return grain;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after {Within.TotalSeconds} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
