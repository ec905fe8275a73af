using System.Net;
using CollectorShop.Tests.Http;

namespace CollectorShop.Tests.Cluster;

/// <summary>Orleans:Clustering, the shop's switch between one silo and a cluster, set explicitly as the manifests set it.</summary>
public sealed class ClusteringSwitchTests
{
    [Fact]
    public async Task A_shop_told_Orleans_Clustering_Localhost_starts_although_Orleans_reads_a_section_of_that_name_itself()
    {
        var host = new ShopHost(settings: new Dictionary<string, string?> { ["Orleans:Clustering"] = "Localhost" });
        try
        {
            var ready = await host.CreateClient().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }
}
