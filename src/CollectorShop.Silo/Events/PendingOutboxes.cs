using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;
using Dapper;

namespace CollectorShop.Silo.Events;

/// <summary>The SQL list of grains whose outbox may hold events (table pending_outboxes).</summary>
public sealed class PendingOutboxes(ShopDatabase database, TimeProvider time) : IOutboxIndex
{
    public async Task List(GrainId grain)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO pending_outboxes (grain_id, listed_at) VALUES (@id, @at) ON CONFLICT (grain_id) DO NOTHING",
            new { id = grain.ToString(), at = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    public async Task Unlist(GrainId grain)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("DELETE FROM pending_outboxes WHERE grain_id = @id", new { id = grain.ToString() });
    }

    public async Task<IReadOnlyList<GrainId>> All()
    {
        await using var connection = await database.Open();
        var ids = await connection.QueryAsync<string>("SELECT grain_id FROM pending_outboxes ORDER BY listed_at");
        return [.. ids.Select(GrainId.Parse)];
    }

    /// <summary>The grains listed before a moment, oldest first: those whose own delivery has had time to happen.</summary>
    public async Task<IReadOnlyList<GrainId>> ListedBefore(DateTimeOffset moment)
    {
        await using var connection = await database.Open();
        var ids = await connection.QueryAsync<string>(
            "SELECT grain_id FROM pending_outboxes WHERE listed_at < @moment ORDER BY listed_at",
            new { moment = moment.ToUnixTimeMilliseconds() });
        return [.. ids.Select(GrainId.Parse)];
    }
}
