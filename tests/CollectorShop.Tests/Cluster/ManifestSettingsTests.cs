using System.Net;
using CollectorShop.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollectorShop.Tests.Cluster;

/// <summary>Settings the Kubernetes manifests give the silo (k8s/configmap.yaml), set under the names they use.</summary>
public sealed class ManifestSettingsTests
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

    /// <summary>The pod's grace period is sized from this key; a name the host ignored would leave the 30 s default.</summary>
    [Fact]
    public async Task ShutdownTimeoutSeconds_sets_how_long_the_host_gives_the_silo_to_hand_its_grains_over()
    {
        var host = new ShopHost(settings: new Dictionary<string, string?> { ["shutdownTimeoutSeconds"] = "45" });
        try
        {
            var options = host.Services.GetRequiredService<IOptions<HostOptions>>().Value;

            Assert.Equal(TimeSpan.FromSeconds(45), options.ShutdownTimeout);
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }
}
