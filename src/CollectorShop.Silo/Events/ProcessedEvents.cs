using CollectorShop.Silo.Persistence;
using Dapper;

namespace CollectorShop.Silo.Events;

/// <summary>The events the consumer already handled (table processed_events): delivery is at least once, handling once.</summary>
public sealed class ProcessedEvents(ShopDatabase database, TimeProvider time)
{
    public async Task<bool> Contains(string eventId)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = @eventId)", new { eventId });
    }

    public async Task Add(string eventId, string type)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO processed_events (event_id, type, processed_at) VALUES (@eventId, @type, @at) ON CONFLICT (event_id) DO NOTHING",
            new { eventId, type, at = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }
}
