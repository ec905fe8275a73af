using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Orders;
using Dapper;
using Xunit.Abstractions;

namespace CollectorShop.Tests.Cluster;

/// <summary>A silo process dies without warning (SIGKILL) while buyers keep buying through the others.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    private const int Items = 1000;

    private const int Buyers = 20;

    private const int BuyersAtOnce = 24;

    /// <summary>The bound issue 5 sets: after a silo dies, the others serve again within this.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    /// <summary>How long the read model and the broker get to catch up with what the API answered.</summary>
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    /// <summary>One request's answer: its status (0 when no answer came), which silo took it, and when the answer came.</summary>
    private sealed record Answer(HttpStatusCode Status, string Silo, TimeSpan At, string Detail)
    {
        public bool Succeeded => (int)Status is >= 200 and < 300;
    }

    /// <summary>One item bought: the checkout's answer, the order it opened, the payment's answer.</summary>
    private sealed record Purchase(string ProductId, int Buyer, Answer Checkout, string? OrderId, Answer? Payment)
    {
        public bool Paid => Payment?.Succeeded == true;
    }

    [Fact]
    public async Task A_silo_killed_halfway_through_a_thousand_purchases_loses_no_answered_order_and_the_others_serve_again_within_30_seconds()
    {
        await using var cluster = await SiloCluster.Start(3);
        await cluster.Explained(async () =>
        {
            var events = await cluster.TapOrderEvents();
            var sellers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cluster.NewUser(Role.Seller)));
            var buyers = await Task.WhenAll(Enumerable.Range(0, Buyers).Select(_ => cluster.NewUser(Role.Buyer)));
            var items = new string[Items];
            await Parallel.ForEachAsync(Enumerable.Range(0, Items), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
                items[i] = (await cluster.AvailableListing(sellers[i % sellers.Length])).Id);
            var clients = buyers.Select(buyer => cluster.Client(buyer)).ToArray();
            var admin = cluster.Client(await cluster.Admin());
            var victim = cluster.Silos[1];

            var clock = Stopwatch.StartNew();
            var purchases = new Purchase[Items];
            var next = -1;
            var finished = 0;
            var halfway = new TaskCompletionSource();
            var buying = Task.WhenAll(Enumerable.Range(0, BuyersAtOnce).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Items)
                {
                    purchases[i] = await Buy(clients[i % Buyers], i % Buyers, items[i], clock);
                    if (Interlocked.Increment(ref finished) == Items / 2)
                    {
                        halfway.SetResult();
                    }
                }
            })));

            await halfway.Task;
            victim.Kill();
            var killedAt = clock.Elapsed;
            var placedBeforeTheKill = purchases.Where(purchase => purchase?.OrderId is not null).Select(purchase => purchase.OrderId!).ToArray();
            var probes = await Probe(cluster, admin, placedBeforeTheKill, buying, clock);
            await buying;

            // Requests the victim took when it died failed with it; the rest must be served again within the bound.
            var onSurvivors = purchases.SelectMany(purchase => new[] { purchase.Checkout, purchase.Payment })
                .OfType<Answer>()
                .Where(answer => answer.Silo != victim.Name)
                .Concat(probes)
                .ToList();
            var lastFailure = onSurvivors.Where(answer => !answer.Succeeded && answer.At > killedAt).Select(answer => answer.At).DefaultIfEmpty(killedAt).Max();
            var recovery = lastFailure - killedAt;
            var failures = onSurvivors.Where(answer => !answer.Succeeded).OrderBy(answer => answer.At).ToList();
            var firstFailures = string.Join("; ", failures.Take(5).Select(answer => $"{answer.Silo} {(int)answer.Status} at {answer.At.TotalSeconds:0.0} s: {answer.Detail}"));
            output.WriteLine(
                $"{Items} purchases in {clock.Elapsed.TotalSeconds:0.0} s, {victim.Name} killed at {killedAt.TotalSeconds:0.0} s; " +
                $"{failures.Count} failed answers from the survivors, the last {recovery.TotalSeconds:0.0} s after the kill; " +
                $"{purchases.Count(purchase => purchase.Checkout.Succeeded)} checkouts and {purchases.Count(purchase => purchase.Paid)} payments answered; " +
                $"first failures: {firstFailures}");

            Assert.True(recovery < RecoveryBound, $"The surviving silos failed requests until {recovery.TotalSeconds:0.0} s after the kill; first failures: {firstFailures}");
            Assert.All(cluster.Serving, silo => Assert.Contains(probes, answer => answer.Silo == silo.Name && answer.Succeeded && answer.At > lastFailure));

            var answered = purchases.Where(purchase => purchase.Checkout.Succeeded).ToList();
            Assert.True(answered.Count > Items / 2, $"Only {answered.Count} of {Items} checkouts were answered.");
            await EveryAnsweredOrderIsReadable(clients, answered);
            await TheReadModelHoldsEveryAnsweredOrder(cluster, answered);
            await EveryAnsweredOrderReachedRabbitMq(cluster, events, answered);
        });
    }

    /// <summary>Checkout (reserves the item, opens the development gateway's session), then payment on that session.</summary>
    private static async Task<Purchase> Buy(HttpClient buyer, int buyerIndex, string productId, Stopwatch clock)
    {
        var (checkout, opened) = await Send<CheckoutResponse>(buyer, HttpMethod.Post, "/api/checkout/session", new { productId }, clock);
        if (opened is null)
        {
            return new Purchase(productId, buyerIndex, checkout, null, null);
        }

        var session = opened.Url[(opened.Url.LastIndexOf('/') + 1)..];
        var (payment, _) = await Send<OrderDto>(buyer, HttpMethod.Post, $"/api/payments/dev/{session}/complete", null, clock);
        return new Purchase(productId, buyerIndex, checkout, opened.OrderId, payment);
    }

    /// <summary>
    /// From the kill on, every half second each surviving silo is asked for an order placed before the kill (a third of
    /// them lived on the dead silo), until the buying is over and the last round of each silo was answered.
    /// </summary>
    private static async Task<List<Answer>> Probe(SiloCluster cluster, HttpClient admin, string[] orderIds, Task buying, Stopwatch clock)
    {
        var answers = new List<Answer>();
        var stopAt = clock.Elapsed + RecoveryBound * 3;
        for (var round = 0; clock.Elapsed < stopAt; round++)
        {
            var survivors = cluster.Serving;
            var asked = await Task.WhenAll(survivors.Select((silo, i) =>
                Send<OrderDto>(admin, HttpMethod.Get, new Uri(silo.BaseAddress, $"/api/orders/{orderIds[(round * survivors.Count + i) % orderIds.Length]}").ToString(), null, clock)));
            answers.AddRange(asked.Select(answer => answer.Answer));
            if (buying.IsCompleted && asked.All(answer => answer.Answer.Succeeded))
            {
                break;
            }

            await Task.Delay(500);
        }

        return answers;
    }

    private static async Task EveryAnsweredOrderIsReadable(HttpClient[] clients, List<Purchase> answered)
    {
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(answered, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (purchase, _) =>
        {
            var response = await clients[purchase.Buyer].GetAsync($"/api/orders/{purchase.OrderId}");
            var order = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderDto>() : null;
            if (order is null || (purchase.Paid && order.Status != "paid"))
            {
                wrong.Add($"{purchase.OrderId}: {(int)response.StatusCode} {order?.Status} (payment answered {(int?)purchase.Payment?.Status})");
            }
        });
        Assert.True(wrong.IsEmpty, $"{wrong.Count} answered orders read back wrong through the surviving silos: {string.Join("; ", wrong.Take(10))}");
    }

    private static async Task TheReadModelHoldsEveryAnsweredOrder(SiloCluster cluster, List<Purchase> answered)
    {
        await using var database = await cluster.OpenDatabase();
        var ids = answered.Select(purchase => purchase.OrderId!).ToArray();
        var deadline = DateTime.UtcNow + CatchUp;
        List<string> behind;
        while (true)
        {
            var rows = (await database.QueryAsync<(string Id, string Status)>("SELECT id, status FROM orders WHERE id = ANY(@ids)", new { ids }))
                .ToDictionary(row => row.Id, row => row.Status);
            behind = [.. answered
                .Where(purchase => !rows.TryGetValue(purchase.OrderId!, out var status) || (purchase.Paid && status != "paid"))
                .Select(purchase => $"{purchase.OrderId} ({(rows.TryGetValue(purchase.OrderId!, out var status) ? status : "no row")})")];
            if (behind.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.True(behind.Count == 0, $"{behind.Count} answered orders are missing or stale in the read model after {CatchUp.TotalSeconds} s: {string.Join(", ", behind.Take(10))}");
    }

    private static async Task EveryAnsweredOrderReachedRabbitMq(SiloCluster cluster, string queue, List<Purchase> answered)
    {
        var seen = new HashSet<(string Type, string OrderId)>();
        var deadline = DateTime.UtcNow + CatchUp;
        List<string> missing;
        while (true)
        {
            foreach (var message in await cluster.Drain(queue))
            {
                seen.Add((message.RoutingKey, message.Json.GetProperty("orderId").GetString()!));
            }

            missing = [.. answered.SelectMany(purchase => purchase.Paid
                    ? new[] { ("order.created", purchase.OrderId!), ("order.paid", purchase.OrderId!) }
                    : [("order.created", purchase.OrderId!)])
                .Where(expected => !seen.Contains(expected))
                .Select(expected => $"{expected.Item1} of {expected.Item2}")];
            if (missing.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.True(missing.Count == 0, $"{missing.Count} events of answered orders never reached RabbitMQ within {CatchUp.TotalSeconds} s: {string.Join(", ", missing.Take(10))}");
    }

    /// <summary>One request; a lost connection or a timeout is an answer too (status 0), never an exception.</summary>
    private static async Task<(Answer Answer, T? Body)> Send<T>(HttpClient client, HttpMethod method, string path, object? body, Stopwatch clock) where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await client.SendAsync(request);
            var silo = RoundRobinHandler.SiloOf(request);
            if (!response.IsSuccessStatusCode)
            {
                return (new Answer(response.StatusCode, silo, clock.Elapsed, await response.Content.ReadAsStringAsync()), null);
            }

            return (new Answer(response.StatusCode, silo, clock.Elapsed, ""), await response.Content.ReadFromJsonAsync<T>());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (new Answer(0, RoundRobinHandler.SiloOf(request), clock.Elapsed, exception.Message), null);
        }
    }
}
