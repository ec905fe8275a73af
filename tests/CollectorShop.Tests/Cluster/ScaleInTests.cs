using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Products;
using Dapper;
using Xunit.Abstractions;

namespace CollectorShop.Tests.Cluster;

/// <summary>
/// The other half of `kubectl scale`: Kubernetes takes a replica out of its Service, sends it SIGTERM and waits for
/// the grace period. The silo must leave the cluster on its own within its shutdown timeout, handing its grains over.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScaleInTests(ITestOutputHelper output)
{
    private const int Orders = 30;

    /// <summary>Orleans' SiloStatus.Dead as it stands in OrleansMembershipTable.</summary>
    private const int Dead = 6;

    [Fact]
    public async Task A_silo_sent_SIGTERM_exits_cleanly_within_its_shutdown_timeout_marked_dead_by_itself_and_its_orders_are_served_by_the_others()
    {
        await using var cluster = await SiloCluster.Start(2);
        await cluster.Explained(async () =>
        {
            var seller = await cluster.NewUser(Role.Seller);
            var buyer = cluster.Client(await cluster.NewUser(Role.Buyer));
            var orders = new List<OrderDto>();
            for (var i = 0; i < Orders; i++)
            {
                var item = await cluster.AvailableListing(seller);
                using var created = await buyer.PostAsJsonAsync("/api/orders", new { productId = item.Id });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                orders.Add((await created.Content.ReadFromJsonAsync<OrderDto>())!);
            }

            var leaving = cluster.Silos[1];
            var management = cluster.Grains.GetGrain<IManagementGrain>(0);
            var address = Assert.Single((await management.GetHosts(onlyActive: true)).Keys, silo => silo.Endpoint.Port == leaving.SiloPort);
            var hosted = (await management.GetDetailedGrainStatistics(null, [address]))
                .Count(activation => activation.GrainId.Type.ToString() is "order" or "product");
            Assert.True(hosted > 0, $"No order or listing grain was activated on {leaving.Name}: its leaving would hand nothing over.");

            var clock = Stopwatch.StartNew();
            var exitCode = await leaving.Terminate(within: SiloCluster.ShutdownTimeout);
            var exitedAfter = clock.Elapsed;
            Assert.True(exitCode is not null, $"{leaving.Name} still ran {SiloCluster.ShutdownTimeout.TotalSeconds} s after SIGTERM.");
            Assert.Equal(0, exitCode);

            // A killed silo stays Active in its row until the others vote it out; one that shut down wrote Dead itself.
            await using (var database = await cluster.OpenDatabase())
            {
                var status = await database.ExecuteScalarAsync<int>(
                    "SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = @ClusterId AND Port = @SiloPort",
                    new { cluster.ClusterId, leaving.SiloPort });
                Assert.Equal(Dead, status);
            }

            clock.Restart();
            foreach (var order in orders)
            {
                var read = await buyer.GetFromJsonAsync<OrderDto>($"/api/orders/{order.Id}");
                Assert.Equal("pending", read!.Status);
                var listing = await buyer.GetFromJsonAsync<ProductDto>($"/api/products/{order.ProductId}");
                Assert.Equal("reserved", listing!.Status);
            }

            output.WriteLine(
                $"{leaving.Name} hosted {hosted} order and listing activations, exited with code 0 {exitedAfter.TotalSeconds:0.0} s " +
                $"after SIGTERM; the {Orders} orders and their listings were read back through the other silo in {clock.Elapsed.TotalSeconds:0.0} s");
        });
    }
}
