/// <summary>Sends each request to the next of the shop's replicas in turn, as the load balancer in front of them would.</summary>
internal sealed class RoundRobin(IReadOnlyList<Uri> shops) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _turn = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var shop = shops[(int)((uint)Interlocked.Increment(ref _turn) % (uint)shops.Count)];
        request.RequestUri = new Uri(shop, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
