using CollectorShop.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// A migrated shop database of one provider and of one test alone: a SQLite file in a temporary folder,
/// or a PostgreSQL database of its own on the test server. Deleted, or dropped, afterwards.
/// </summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly TempDatabase? _sqlite;

    private MigratedDatabase(ShopDatabase database, TempDatabase? sqlite)
    {
        Database = database;
        _sqlite = sqlite;
    }

    public ShopDatabase Database { get; }

    public static async Task<MigratedDatabase> Create(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var sqlite = new TempDatabase();
            return new MigratedDatabase(sqlite.Database, sqlite);
        }

        var database = new ShopDatabase(StorageProvider.Postgres, await PostgresServer.NewDatabase());
        try
        {
            database.Migrate(NullLogger.Instance);
        }
        catch
        {
            await PostgresServer.Drop(database.ConnectionString);
            throw;
        }

        return new MigratedDatabase(database, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            _sqlite.Dispose();
        }
        else
        {
            await PostgresServer.Drop(Database.ConnectionString);
        }
    }
}
