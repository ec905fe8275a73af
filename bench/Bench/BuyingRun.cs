using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Buying through the real API (POST /api/checkout/session, then the development gateway's
/// POST /api/payments/dev/{sessionId}/complete). First the throughput: buyers at once, each buying
/// distinct items until none is left. Then, one order at a time, the time from sending the payment
/// to the seller's order.paid notification showing in GET /api/notifications.
/// </summary>
internal static class BuyingRun
{
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Prints one line: orders, seconds, orders/s, failed orders, then p50, p95 and max latency in ms.</summary>
    public static async Task<int> Measure(IReadOnlyList<Uri> shops, string adminEmail, string adminPassword, int orders, int buyers, int watchedOrders)
    {
        using var http = new HttpClient(new RoundRobin(shops)) { BaseAddress = shops[0], Timeout = TimeSpan.FromMinutes(2) };
        var admin = await ShopApi.Token(http, adminEmail, adminPassword);
        var seller = await ShopApi.ApprovedSeller(http, admin);
        // The latency orders are this seller's only sales, so its inbox stays small while it is polled.
        var watchedSeller = await ShopApi.ApprovedSeller(http, admin);
        var image = await ShopApi.Upload(http, seller);
        var items = await ShopApi.ApprovedListings(http, admin, seller, image, orders, i => Listing(i, image));
        var watchedItems = await ShopApi.ApprovedListings(http, admin, watchedSeller, image, watchedOrders, i => Listing(i, image));
        var emails = await Task.WhenAll(Enumerable.Range(0, buyers).Select(i => ShopApi.ActiveBuyer(http, admin, $"bench-buyer-{i}")));
        var tokens = await Task.WhenAll(emails.Select(email => ShopApi.Token(http, email, ShopApi.Password)));
        Console.Error.WriteLine($"seeded {orders} + {watchedOrders} listings, {buyers} buyers");

        var next = -1;
        var failed = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async buyer =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Length)
            {
                try
                {
                    var (_, session) = await Checkout(http, buyer, items[i]);
                    await Pay(http, buyer, session);
                }
                catch (HttpRequestException exception)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, exception.Message, null);
                }
            }
        }));
        clock.Stop();
        if (firstFailure is not null)
        {
            Console.Error.WriteLine($"{failed} of {orders} orders failed; the first: {firstFailure}");
        }

        if (failed == orders)
        {
            return 1;
        }

        var latencies = new List<double>();
        foreach (var item in watchedItems)
        {
            var (orderId, session) = await Checkout(http, tokens[0], item);
            var sent = Stopwatch.StartNew();
            await Pay(http, tokens[0], session);
            await PaidNotification(http, watchedSeller, orderId);
            latencies.Add(sent.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        var seconds = clock.Elapsed.TotalSeconds;
        double[] figures = [orders, seconds, (orders - failed) / seconds, failed, Percentile(latencies, 50), Percentile(latencies, 95), latencies[^1]];
        Console.WriteLine(string.Join(' ', figures.Select(figure => figure.ToString("0.###", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static object Listing(int i, string image) => new
    {
        title = $"Benchmark record {i}",
        description = $"Listing {i} generated for the buying benchmark.",
        price = 10 + i % 90 + 0.99m,
        shipping = 4.5m,
        category = "vinyl",
        images = new[] { image },
    };

    /// <summary>Reserves the item; the development gateway's URL ends with the payment session's id.</summary>
    private static async Task<(string OrderId, string SessionId)> Checkout(HttpClient http, string buyer, string productId)
    {
        var session = await ShopApi.Send(http, HttpMethod.Post, "/api/checkout/session", buyer, new { productId });
        var url = (string)session!["url"]!;
        return ((string)session["orderId"]!, url[(url.LastIndexOf('/') + 1)..]);
    }

    private static Task Pay(HttpClient http, string buyer, string sessionId) =>
        ShopApi.Send(http, HttpMethod.Post, $"/api/payments/dev/{sessionId}/complete", buyer, null);

    /// <summary>Polls the seller's unread notifications until the order's payment shows, then marks what it saw read.</summary>
    private static async Task PaidNotification(HttpClient http, string seller, string orderId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var unread = (await ShopApi.Send(http, HttpMethod.Get, "/api/notifications?unread=true", seller, null))!.AsArray();
            if (unread.Any(n => (string?)n!["type"] == "order.paid" && (string?)n["link"] == $"/orders/{orderId}"))
            {
                foreach (var notification in unread)
                {
                    await ShopApi.Send(http, HttpMethod.Post, $"/api/notifications/{notification!["id"]}/read", seller, null);
                }

                return;
            }

            if (deadline.Elapsed > NotificationTimeout)
            {
                throw new TimeoutException($"The seller was not notified of the payment of order {orderId} within {NotificationTimeout.TotalSeconds} s.");
            }

            await Task.Delay(PollPause);
        }
    }

    /// <summary>Nearest rank.</summary>
    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
