using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;
using Xunit.Abstractions;

namespace CollectorShop.Tests.Cluster;

/// <summary>The `kubectl scale` case: one more replica of the same process starts while the cluster is busy.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int BuyersAtOnce = 8;

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_fourth_silo_started_under_load_joins_the_membership_serves_requests_and_takes_activations()
    {
        await using var cluster = await SiloCluster.Start(3);
        await cluster.Explained(async () =>
        {
            var seller = await cluster.NewUser(Role.Seller);
            var buyers = await Task.WhenAll(Enumerable.Range(0, BuyersAtOnce).Select(_ => cluster.NewUser(Role.Buyer)));
            var failures = new ConcurrentQueue<string>();
            var placed = new ConcurrentQueue<(string OrderId, string Silo)>();
            using var stop = new CancellationTokenSource();

            // Each buyer in a loop: a fresh item, its order through the balancer, the order read back through the balancer.
            var load = Task.WhenAll(buyers.Select(buyer => Task.Run(async () =>
            {
                var client = cluster.Client(buyer);
                while (!stop.IsCancellationRequested)
                {
                    var item = await cluster.AvailableListing(seller);
                    using var created = await client.PostAsJsonAsync("/api/orders", new { productId = item.Id });
                    if (created.StatusCode != HttpStatusCode.Created)
                    {
                        failures.Enqueue($"POST /api/orders on {RoundRobinHandler.SiloOf(created.RequestMessage!)}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                        continue;
                    }

                    var order = (await created.Content.ReadFromJsonAsync<OrderDto>())!;
                    placed.Enqueue((order.Id, RoundRobinHandler.SiloOf(created.RequestMessage!)));
                    using var read = await client.GetAsync($"/api/orders/{order.Id}");
                    if (read.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"GET /api/orders/{order.Id} on {RoundRobinHandler.SiloOf(read.RequestMessage!)}: {(int)read.StatusCode}");
                    }
                }
            })));

            await Task.Delay(TimeSpan.FromSeconds(3));
            var placedBeforeTheJoin = placed.Count;
            var fourth = cluster.StartSilo();
            await fourth.WaitReady(JoinTimeout);

            var management = cluster.Grains.GetGrain<IManagementGrain>(0);
            var members = await management.GetHosts(onlyActive: true);
            var joined = Assert.Single(members.Keys, address => address.Endpoint.Port == fourth.SiloPort);
            Assert.Equal(4, members.Count);

            // Orders placed through the new silo's HTTP port are activated where the placement puts them; some land on it.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var hostedThere = 0;
            while (DateTime.UtcNow < deadline)
            {
                var statistics = await management.GetDetailedGrainStatistics(null, [joined]);
                hostedThere = statistics.Count(activation => activation.GrainId.Type.ToString() is "order" or "product");
                if (hostedThere > 0 && placed.Count(order => order.Silo == fourth.Name) >= 10)
                {
                    break;
                }

                await Task.Delay(500);
            }

            await stop.CancelAsync();
            await load;
            var placedThere = placed.Count(order => order.Silo == fourth.Name);
            output.WriteLine(
                $"{fourth.Name} was ready {(fourth.ReadyAt - fourth.StartedAt).TotalSeconds:0.0} s after its process started; " +
                $"{placed.Count} orders placed in all ({placedBeforeTheJoin} before it started, {placedThere} through it); " +
                $"{hostedThere} order and listing activations on it");

            Assert.True(placedBeforeTheJoin > 0, "No order was placed before the fourth silo started: there was no load to join under.");
            Assert.True(placedThere >= 10, $"The fourth silo placed {placedThere} orders.");
            Assert.True(hostedThere > 0, "No order or listing grain was activated on the fourth silo.");
            Assert.True(failures.IsEmpty, $"{failures.Count} requests failed while the fourth silo joined: {string.Join("; ", failures.Take(10))}");
        });
    }
}
