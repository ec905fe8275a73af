using Npgsql;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// The real PostgreSQL server that scripts/test.sh starts (or CI's service container) and names in
/// COLLECTOR_SHOP_TEST_POSTGRES. Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "COLLECTOR_SHOP_TEST_POSTGRES";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set. The PostgreSQL tests need a real server: run them through scripts/test.sh, " +
            "which starts a private one and exports its connection string (a user allowed to create databases).");

    /// <summary>A new, empty database on the server, and the connection string that reaches it.</summary>
    public static async Task<string> NewDatabase()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="NewDatabase"/>, closing whatever connections are still open to it. An
    /// autovacuum worker on it belongs to the server, which a non-superuser may not end: wait for it to finish.
    /// </summary>
    public static async Task Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
