using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectorShop.Tests.Persistence;

/// <summary>The PostgreSQL schema: silos starting together apply it once, and word search has an index to read.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await PostgresServer.NewDatabase();

    public Task DisposeAsync() => PostgresServer.Drop(_connectionString);

    [Fact]
    public async Task Silos_migrating_a_fresh_database_at_once_all_succeed_and_each_script_is_applied_once()
    {
        const int silos = 4;
        using var start = new Barrier(silos);
        var migrations = Enumerable.Range(0, silos).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var database = new ShopDatabase(StorageProvider.Postgres, _connectionString);
                start.SignalAndWait();
                database.Migrate(NullLogger.Instance);
            },
            TaskCreationOptions.LongRunning));

        await Task.WhenAll(migrations);

        var scripts = typeof(ShopDatabase).Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Persistence.Postgres.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        await using var connection = await new ShopDatabase(StorageProvider.Postgres, _connectionString).Open();
        var journal = await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions");
        Assert.Equal(scripts, journal.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Word_search_in_a_large_catalogue_reads_the_trigram_index_instead_of_every_listing()
    {
        var database = new ShopDatabase(StorageProvider.Postgres, _connectionString);
        database.Migrate(NullLogger.Instance);
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            """
            INSERT INTO products (id, version, status, seller_id, category_id, price_cents, created_at, search_text, data)
            SELECT 'listing-' || n, 1, 'available', 'camille', 'posters', 1000 + n, n,
                   (ARRAY['signed', 'vintage', 'rare', 'boxed', 'mint', 'tour', 'first'])[n % 7 + 1] || ' ' ||
                   (ARRAY['poster', 'vinyl', 'comic', 'figure', 'camera', 'stamp', 'coin', 'jersey', 'lens', 'print', 'album'])[n % 11 + 1] ||
                   ' number ' || n,
                   '{}'
            FROM generate_series(1, 5000) AS n
            """);
        // Vacuum moves the new rows out of the GIN index's pending list and records the statistics its costs come from.
        await connection.ExecuteAsync("VACUUM ANALYZE products");

        var query = new ShopReadModel(database).ListingsQuery(new ListingSearch(
            "Zeppelin lunchbox", null, null, null, null, [ListingStatus.Available, ListingStatus.Reserved], ListingSort.Newest, 1, 24));

        foreach (var sql in new[] { query.CountSql, query.PageSql })
        {
            var plan = string.Join('\n', await connection.QueryAsync<string>("EXPLAIN " + sql, query.Parameters));
            Assert.Contains("Index Scan on ix_products_search_text", plan);
        }
    }
}
