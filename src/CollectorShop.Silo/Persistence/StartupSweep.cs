using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Http;
using Dapper;

namespace CollectorShop.Silo.Persistence;

/// <summary>
/// The embedded mode's reminders live in memory and die with the process, and a grain only restores its
/// reminders when something activates it. At start-up this activates every grain with unfinished business:
/// grains listed with undelivered events deliver them, and unpaid or shipped orders and reserved listings
/// (found by their read-model status) act on a deadline that passed while the shop was down, or arm it again.
/// </summary>
public sealed class StartupSweep(
    ShopDatabase database,
    PendingOutboxes outboxes,
    IGrainFactory grains,
    ILogger<StartupSweep> logger) : BackgroundService
{
    private static readonly string[] OrdersWithDeadlines = [WireNames.Of(OrderStatus.Pending), WireNames.Of(OrderStatus.Shipped)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Wake("grains with undelivered events", await outboxes.All(), grain => grains.GetGrain<IOutboxGrain>(grain).DeliverOutbox(), stoppingToken);
        var (orders, listings) = await WithDeadlines(stoppingToken);
        await Wake("pending or shipped orders", orders, id => grains.GetGrain<IOrderGrain>(id).Get(), stoppingToken);
        await Wake("reserved listings", listings, id => grains.GetGrain<IProductGrain>(id).Get(), stoppingToken);
    }

    /// <summary>Orders awaiting payment or auto-completion and reserved listings, by their read-model status.</summary>
    private async Task<(IReadOnlyList<string> Orders, IReadOnlyList<string> Listings)> WithDeadlines(CancellationToken stoppingToken)
    {
        await using var connection = await database.Open(stoppingToken);
        var orders = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM orders WHERE status IN @OrdersWithDeadlines",
            new { OrdersWithDeadlines },
            cancellationToken: stoppingToken));
        var listings = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM products WHERE status = @reserved",
            new { reserved = WireNames.Of(ListingStatus.Reserved) },
            cancellationToken: stoppingToken));
        return ([.. orders], [.. listings]);
    }

    private async Task Wake<TKey>(string what, IReadOnlyList<TKey> keys, Func<TKey, Task> activate, CancellationToken stoppingToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        logger.LogInformation("Waking {Count} {What} left from before the start", keys.Count, what);
        foreach (var key in keys)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                await activate(key);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not wake {Grain} ({What}); the next call to it does what it has left to do", key, what);
            }
        }
    }
}
