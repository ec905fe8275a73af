using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Tests.Persistence;

/// <summary>The shop's other tables (images, the outbox list, consumed and Stripe events), the same rules on SQLite and on PostgreSQL.</summary>
public abstract class ShopTablesTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff];

    private MigratedDatabase _database = null!;

    private ShopDatabase Database => _database.Database;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_image_keeps_its_bytes_and_content_type_and_a_second_save_of_its_id_keeps_the_first()
    {
        var images = new ImageStore(Database, TimeProvider.System);

        await images.Save("demo-1", "image/png", Png);
        await images.Save("demo-1", "image/jpeg", [1, 2, 3]);

        var stored = await images.Find("demo-1");
        Assert.Equal("image/png", stored?.ContentType);
        Assert.Equal(Png, stored?.Bytes);
        Assert.Equal("image/png", await new ShopReadModel(Database).ImageContentType("demo-1"));
        Assert.Null(await images.Find("missing"));
        Assert.Null(await new ShopReadModel(Database).ImageContentType("missing"));
    }

    [Fact]
    public async Task A_consumed_event_is_remembered_and_recording_it_twice_is_harmless()
    {
        var processed = new ProcessedEvents(Database, TimeProvider.System);

        Assert.False(await processed.Contains("evt-1"));
        await processed.Add("evt-1", "order.paid");
        await processed.Add("evt-1", "order.paid");

        Assert.True(await processed.Contains("evt-1"));
        Assert.False(await processed.Contains("evt-2"));
    }

    [Fact]
    public async Task Pending_outboxes_are_listed_once_oldest_first_and_by_the_time_listed_until_unlisted()
    {
        var later = new PendingOutboxes(Database, new ShiftedClock(TimeSpan.FromMinutes(1)));
        var earlier = new PendingOutboxes(Database, new ShiftedClock(TimeSpan.Zero));
        var order = GrainId.Create("order", "o-1");
        var product = GrainId.Create("product", "p-1");

        await later.List(order);
        await earlier.List(product);
        await earlier.List(order);

        Assert.Equal([product, order], await earlier.All());
        Assert.Equal([product], await earlier.ListedBefore(DateTimeOffset.UtcNow.AddSeconds(30)));

        await earlier.Unlist(product);
        Assert.Equal([order], await earlier.All());
        await earlier.Unlist(order);
        Assert.Empty(await earlier.All());
    }

    [Fact]
    public async Task The_grains_listed_before_a_moment_are_those_the_periodic_sweep_wakes()
    {
        var now = DateTimeOffset.UtcNow;
        var listedEarlier = new PendingOutboxes(Database, new ShiftedClock(-TimeSpan.FromMinutes(5)));
        var listedNow = new PendingOutboxes(Database, TimeProvider.System);
        var overdue = GrainId.Create("order", "o-1");
        await listedEarlier.List(overdue);
        await listedNow.List(GrainId.Create("product", "p-1"));

        Assert.Equal([overdue], await listedNow.ListedBefore(now - TimeSpan.FromMinutes(1)));
        Assert.Equal(2, (await listedNow.ListedBefore(now + TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task A_stripe_event_is_claimed_by_exactly_one_of_concurrent_deliveries_and_free_again_once_released()
    {
        var events = new StripeEvents(Database, TimeProvider.System);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => events.Claim("evt_1", "checkout.session.completed"))));

        Assert.Single(claims, claimed => claimed);
        Assert.False(await events.Claim("evt_1", "checkout.session.completed"));
        await events.Release("evt_1");
        Assert.True(await events.Claim("evt_1", "checkout.session.completed"));
    }
}

public sealed class SqliteShopTablesTests() : ShopTablesTests(StorageProvider.Sqlite);

public sealed class PostgresShopTablesTests() : ShopTablesTests(StorageProvider.Postgres);
