using CollectorShop.Silo.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollectorShop.Tests.Persistence;

/// <summary>A migrated shop database in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("collector-shop-").FullName;
        FilePath = Path.Combine(Folder, "shop.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Shop"] = $"Data Source={FilePath}" })
            .Build();
        Database = ShopDatabase.FromConfiguration(configuration, Folder);
        Database.Migrate(NullLogger.Instance);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public ShopDatabase Database { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
