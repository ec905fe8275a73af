using System.Data.Common;
using DbUp;
using Microsoft.Data.Sqlite;

namespace CollectorShop.Silo.Persistence;

/// <summary>The shop's one database: Orleans grain state, the read model and the images.</summary>
public sealed class ShopDatabase(string connectionString)
{
    /// <summary>The invariant Orleans maps to Microsoft.Data.Sqlite.</summary>
    public const string OrleansInvariant = "System.Data.SQLite";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Resolves ConnectionStrings:Shop (default data/shop.db under the content root) and makes sure its folder exists.</summary>
    public static ShopDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Shop") ?? "Data Source=data/shop.db");
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return new ShopDatabase(builder.ToString());
    }

    public async Task<DbConnection> Open(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Applies the schema scripts not applied yet (DbUp keeps the journal) and switches the file to WAL.</summary>
    public void Migrate(ILogger logger)
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            // WAL persists in the file: readers no longer wait for the writer, and writes are cheaper.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        var result = DeployChanges.To
            .SqliteDatabase(ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(ShopDatabase).Assembly, name => name.Contains(".Persistence.Sqlite.", StringComparison.Ordinal))
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
