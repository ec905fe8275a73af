namespace CollectorShop.Tests.Cluster;

/// <summary>
/// The load balancer in front of the cluster: a request to <see cref="ClusterAddress"/> goes to the next serving silo's
/// HTTP port in turn (a killed silo leaves the rotation, a silo that became ready joins it); a request to one silo's own
/// address goes there. Either way the request remembers which silo it went to.
/// </summary>
public sealed class RoundRobinHandler(Func<IReadOnlyList<SiloProcess>> silos) : DelegatingHandler(new SocketsHttpHandler())
{
    /// <summary>The placeholder every cluster client's relative URIs resolve against before this handler picks a silo.</summary>
    public static readonly Uri ClusterAddress = new("http://cluster.invalid/");

    public static readonly HttpRequestOptionsKey<SiloProcess> ServedBy = new("collector-shop.served-by");

    private int _turn = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var all = silos();
        var target = request.RequestUri!;
        SiloProcess silo;
        if (target.Host == ClusterAddress.Host)
        {
            var serving = all.Where(candidate => candidate.Serving).ToList();
            if (serving.Count == 0)
            {
                throw new InvalidOperationException("No silo of the cluster is serving.");
            }

            silo = serving[(int)((uint)Interlocked.Increment(ref _turn) % (uint)serving.Count)];
            request.RequestUri = new Uri(silo.BaseAddress, target.PathAndQuery);
        }
        else
        {
            silo = all.Single(candidate => candidate.HttpPort == target.Port);
        }

        request.Options.Set(ServedBy, silo);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The silo a request was sent to.</summary>
    public static string SiloOf(HttpRequestMessage request) => request.Options.TryGetValue(ServedBy, out var silo) ? silo.Name : "?";
}
