using CollectorShop.Silo.Persistence;
using Dapper;

namespace CollectorShop.Silo.Checkout;

/// <summary>The Stripe events already taken on (table stripe_events), so a redelivered event changes nothing.</summary>
public sealed class StripeEvents(ShopDatabase database, TimeProvider time)
{
    /// <summary>True for the first delivery of the event; a duplicate, even a concurrent one, gets false.</summary>
    public async Task<bool> Claim(string eventId, string type)
    {
        await using var connection = await database.Open();
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO stripe_events (event_id, type, received_at) VALUES (@eventId, @type, @at) ON CONFLICT (event_id) DO NOTHING",
            new { eventId, type, at = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return inserted == 1;
    }

    /// <summary>Handling failed: the event is free again, so Stripe's retry is not taken for a duplicate.</summary>
    public async Task Release(string eventId)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("DELETE FROM stripe_events WHERE event_id = @eventId", new { eventId });
    }
}
