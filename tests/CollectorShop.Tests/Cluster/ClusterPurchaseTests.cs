using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Bootstrap;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Products;
using Dapper;

namespace CollectorShop.Tests.Cluster;

/// <summary>Three silo processes started at the same moment on a fresh database, each told to load the demo catalogue.</summary>
public sealed class SeededCluster : IAsyncLifetime
{
    private SiloCluster? _cluster;

    public SiloCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    public async Task InitializeAsync() => _cluster = await SiloCluster.Start(3, demoSeed: true);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>Three replicas of the shop sharing one PostgreSQL database and one RabbitMQ virtual host, reached round-robin.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterPurchaseTests(SeededCluster fixture) : IClassFixture<SeededCluster>
{
    private readonly SiloCluster _cluster = fixture.Cluster;

    [Fact]
    public Task Three_silos_started_together_on_a_fresh_database_all_start_and_load_one_demo_catalogue() => _cluster.Explained(async () =>
    {
        Assert.All(_cluster.Silos, silo => Assert.True(silo.Serving, $"{silo.Name} is not serving"));
        var anyone = _cluster.Client();
        var demoIds = DemoCatalogue.Listings.Select(listing => listing.Id).Order().ToList();
        foreach (var _ in _cluster.Silos)
        {
            var categories = await anyone.GetFromJsonAsync<List<CategoryDto>>("/api/categories");
            Assert.Equal(DemoCatalogue.Categories.Select(category => category.Id).Order(), categories!.Select(category => category.Id).Order());
            foreach (var id in demoIds)
            {
                var listing = await anyone.GetFromJsonAsync<ProductDto>($"/api/products/{id}");
                Assert.Equal("available", listing!.Status);
            }
        }

        await using var database = await _cluster.OpenDatabase();
        var sellerEmails = DemoCatalogue.Sellers.Select(seller => seller.Email).ToArray();
        var sellers = (await database.QueryAsync<string>("SELECT id FROM users WHERE email = ANY(@sellerEmails)", new { sellerEmails })).ToArray();
        Assert.Equal(DemoCatalogue.Sellers.Count, sellers.Length);
        var listed = await database.QueryAsync<string>("SELECT id FROM products WHERE seller_id = ANY(@sellers) ORDER BY id", new { sellers });
        Assert.Equal(demoIds, listed);
        var imageIds = DemoCatalogue.Listings.Select(listing => listing.ImageId).ToArray();
        Assert.Equal(imageIds.Length, await database.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM images WHERE id = ANY(@imageIds)", new { imageIds }));
    });

    [Fact]
    public Task Hundred_buyers_racing_across_three_silos_for_one_item_get_one_reservation_and_the_cluster_one_paid_order() => _cluster.Explained(async () =>
    {
        var seller = await _cluster.NewUser(Role.Seller);
        var item = await _cluster.AvailableListing(seller);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _cluster.NewUser(Role.Buyer)));
        var clients = buyers.Select(buyer => _cluster.Client(buyer)).ToList();
        var go = new TaskCompletionSource();

        var racing = clients.Select(async client =>
        {
            await go.Task;
            var response = await client.PostAsJsonAsync("/api/orders", new { productId = item.Id });
            return (Client: client, Response: response, Silo: RoundRobinHandler.SiloOf(response.RequestMessage!));
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(racing);

        var statuses = answers.GroupBy(answer => answer.Response.StatusCode).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.Created] = 1, [HttpStatusCode.Conflict] = 99 }, statuses);
        Assert.Equal(_cluster.Silos.Select(silo => silo.Name).Order(), answers.Select(answer => answer.Silo).Distinct().Order());

        var (winner, created, _) = answers.Single(answer => answer.Response.StatusCode == HttpStatusCode.Created);
        var order = (await created.Content.ReadFromJsonAsync<OrderDto>())!;
        var session = await winner.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var opened = (await session.Content.ReadFromJsonAsync<CheckoutResponse>())!;
        var paid = await winner.PostAsync($"/api/payments/dev/{opened.Url[(opened.Url.LastIndexOf('/') + 1)..]}/complete", null);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        foreach (var _ in _cluster.Silos)
        {
            Assert.Equal("paid", (await winner.GetFromJsonAsync<OrderDto>($"/api/orders/{order.Id}"))!.Status);
            Assert.Equal("sold", (await winner.GetFromJsonAsync<ProductDto>($"/api/products/{item.Id}"))!.Status);
        }

        await using var database = await _cluster.OpenDatabase();
        // The grains' own state: one order across the cluster names the item.
        var storedOrders = await database.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'order' AND PayloadBinary IS NOT NULL AND position(@id IN convert_from(PayloadBinary, 'UTF8')) > 0",
            new { id = item.Id });
        Assert.Equal(1, storedOrders);
        // The read model, once the projection caught up: that order, paid.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<(string Id, string Status)> rows;
        while ((rows = [.. await database.QueryAsync<(string, string)>("SELECT id, status FROM orders WHERE product_id = @id", new { id = item.Id })]) is not [(_, "paid")]
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal([(order.Id, "paid")], rows);
    });
}
