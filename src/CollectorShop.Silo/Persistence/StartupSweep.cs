using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Http;
using Dapper;

namespace CollectorShop.Silo.Persistence;

/// <summary>
/// Wakes the grains with unfinished business that nothing else would wake. At start-up, grains listed with
/// undelivered events deliver them. On SQLite, whose reminders live in memory and die with the process, unpaid or
/// shipped orders and reserved listings (found by their read-model status) are woken too, to act on a deadline that
/// passed while the shop was down or arm it again; on PostgreSQL their reminders are durable and wake them on their
/// own. Then, in both modes, every minute the grains listed for more than a minute: in a cluster, a silo that dies
/// between a grain's write and its publish leaves that grain listed with no activation and no reminder, and the
/// surviving silos deliver its events. Waking a grain whose delivery is merely slow only makes it try once more.
/// </summary>
public sealed class StartupSweep(
    ShopDatabase database,
    PendingOutboxes outboxes,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<StartupSweep> logger) : BackgroundService
{
    /// <summary>How long a listed grain is left to deliver on its own before any silo wakes it.</summary>
    public static readonly TimeSpan OutboxGrace = TimeSpan.FromMinutes(1);

    private static readonly string[] OrdersWithDeadlines = [WireNames.Of(OrderStatus.Pending), WireNames.Of(OrderStatus.Shipped)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Wake("grains with undelivered events left from before the start", await outboxes.All(), DeliverOutbox, stoppingToken);
        if (database.Provider == StorageProvider.Sqlite)
        {
            var (orders, listings) = await WithDeadlines(stoppingToken);
            await Wake("pending or shipped orders", orders, id => grains.GetGrain<IOrderGrain>(id).Get(), stoppingToken);
            await Wake("reserved listings", listings, id => grains.GetGrain<IProductGrain>(id).Get(), stoppingToken);
        }

        using var timer = new PeriodicTimer(OutboxGrace, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var overdue = await outboxes.ListedBefore(time.GetUtcNow() - OutboxGrace);
                await Wake("grains whose events are overdue", overdue, DeliverOutbox, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not look for grains whose events are overdue; trying again in {Grace}", OutboxGrace);
            }
        }
    }

    private Task DeliverOutbox(GrainId grain) => grains.GetGrain<IOutboxGrain>(grain).DeliverOutbox();

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

        logger.LogInformation("Waking {Count} {What}", keys.Count, what);
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
