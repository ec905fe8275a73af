using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectorShop.Silo.Persistence;

/// <summary>Where the shop keeps its data: one SQLite file (the embedded mode) or one PostgreSQL database (cluster mode).</summary>
public enum StorageProvider { Sqlite, Postgres }

/// <summary>The shop's one database: Orleans grain state (and in cluster mode membership and reminders), the read model and the images.</summary>
public sealed class ShopDatabase(StorageProvider provider, string connectionString)
{
    /// <summary>A number of the shop's own: the PostgreSQL advisory lock that lets one starting silo migrate at a time.</summary>
    private const long MigrationLock = 0x436f6c6c6563746f;

    public StorageProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The ADO.NET invariant Orleans' providers load: "System.Data.SQLite" is Orleans' name for Microsoft.Data.Sqlite.</summary>
    public string OrleansInvariant => Provider == StorageProvider.Postgres ? "Npgsql" : "System.Data.SQLite";

    /// <summary>
    /// Storage:Provider (default Sqlite) and ConnectionStrings:Shop. SQLite defaults to data/shop.db under the content root
    /// and makes sure its folder exists; PostgreSQL has no default, the operator names the database.
    /// </summary>
    public static ShopDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue("Storage:Provider", StorageProvider.Sqlite);
        var configured = configuration.GetConnectionString("Shop");
        if (provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Shop is not set.");
            }

            return new ShopDatabase(provider, new NpgsqlConnectionStringBuilder(configured).ConnectionString);
        }

        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/shop.db");
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return new ShopDatabase(provider, builder.ToString());
    }

    public async Task<DbConnection> Open(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Applies the schema scripts of this provider not applied yet (DbUp keeps the journal).</summary>
    public void Migrate(ILogger logger)
    {
        if (Provider == StorageProvider.Postgres)
        {
            MigratePostgres(logger);
        }
        else
        {
            MigrateSqlite(logger);
        }
    }

    private void MigrateSqlite(ILogger logger)
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            // WAL persists in the file: readers no longer wait for the writer, and writes are cheaper.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        Apply(DeployChanges.To.SqliteDatabase(ConnectionString), "Sqlite", logger);
    }

    /// <summary>Silos of one cluster start together: a session advisory lock makes the others wait while one migrates, then find nothing left to do.</summary>
    private void MigratePostgres(ILogger logger)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLock);
            take.ExecuteNonQuery();
        }

        try
        {
            Apply(DeployChanges.To.PostgresqlDatabase(ConnectionString), "Postgres", logger);
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLock);
            release.ExecuteNonQuery();
        }
    }

    private static void Apply(UpgradeEngineBuilder engine, string folder, ILogger logger)
    {
        var result = engine
            .WithScriptsEmbeddedInAssembly(typeof(ShopDatabase).Assembly, name => name.Contains($".Persistence.{folder}.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"The database schema could not be applied ({result.ErrorScript?.Name}).", result.Error);
        }
    }
}
