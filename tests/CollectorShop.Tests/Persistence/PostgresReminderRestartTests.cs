using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;
using Dapper;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// On PostgreSQL the reminders are durable: a deadline armed on a silo that stops is kept in the reminder table and
/// fired by the silo that starts after it. These silos run no start-up sweep and nobody calls the listing.
/// </summary>
public sealed class PostgresReminderRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ShopDatabase Database => _database.Database;

    [Fact]
    public async Task A_reservation_made_before_a_restart_lapses_on_the_next_silo_without_any_call_to_the_listing()
    {
        var listingId = ShopIds.New();
        DateTimeOffset until;
        await using (var first = new ClusterSilo(Database.ConnectionString, _clusterId))
        {
            await first.Start();
            var product = first.Grains.GetGrain<IProductGrain>(listingId);
            Value(await product.Submit(Draft(), ShopIds.New(), "Camille"));
            Value(await product.Approve());
            // A reservation whose order was never created: only the listing's own deadline frees the item.
            until = DateTimeOffset.UtcNow.AddSeconds(15);
            Value(await product.Reserve(ShopIds.New(), ShopIds.New(), until));
        }

        Assert.Equal(1, await ReminderRows(listingId));
        Assert.Equal("reserved", await ListedStatus(listingId));

        await using var next = new ClusterSilo(Database.ConnectionString, _clusterId);
        await next.Start();

        var deadline = DateTime.UtcNow + Within;
        while (await ListedStatus(listingId) != "available")
        {
            Assert.True(DateTime.UtcNow < deadline, $"The listing is still {await ListedStatus(listingId)} after {Within.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(DateTimeOffset.UtcNow >= until, "released before its deadline");
        Assert.Equal(0, await ReminderRows(listingId));
    }

    private async Task<string?> ListedStatus(string listingId)
    {
        await using var connection = await Database.Open();
        return await connection.ExecuteScalarAsync<string?>("SELECT status FROM products WHERE id = @listingId", new { listingId });
    }

    private async Task<int> ReminderRows(string listingId)
    {
        await using var connection = await Database.Open();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM OrleansRemindersTable WHERE GrainId = @grain AND ReminderName = 'reservation-expiry'",
            new { grain = GrainId.Create("product", listingId).ToString() });
    }
}
