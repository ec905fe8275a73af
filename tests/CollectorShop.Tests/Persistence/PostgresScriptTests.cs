using CollectorShop.Silo.Persistence;
using Dapper;

namespace CollectorShop.Tests.Persistence;

/// <summary>The PostgreSQL schema scripts guard themselves: DbUp's journal is not what keeps a second run harmless.</summary>
public sealed class PostgresScriptTests
{
    [Fact]
    public async Task Every_script_runs_again_over_the_schema_it_made_and_leaves_the_orleans_queries_as_they_were()
    {
        await using var migrated = await MigratedDatabase.Create(StorageProvider.Postgres);
        var database = migrated.Database;
        var before = await Queries(database);
        var assembly = typeof(ShopDatabase).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Persistence.Postgres.", StringComparison.Ordinal))
            .Order()
            .ToList();
        Assert.NotEmpty(scripts);

        foreach (var script in scripts)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(script)!);
            await using var connection = await database.Open();
            await connection.ExecuteAsync(await reader.ReadToEndAsync());
        }

        Assert.Equal(before, await Queries(database));
    }

    private static async Task<IReadOnlyList<(string Key, string Text)>> Queries(ShopDatabase database)
    {
        await using var connection = await database.Open();
        var queries = await connection.QueryAsync<(string, string)>("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey");
        return [.. queries];
    }
}
