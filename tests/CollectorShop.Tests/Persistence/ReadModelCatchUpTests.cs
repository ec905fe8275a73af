using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;
using CollectorShop.Tests.Http;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Net;
using System.Net.Http.Json;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Persistence;

/// <summary>A crash between a grain's storage write and its projection leaves a stale row; the next start-up repairs it.</summary>
public sealed class ReadModelCatchUpTests
{
    [Fact]
    public async Task After_a_whole_purchase_no_row_is_behind_its_grain_so_a_restart_has_nothing_to_catch_up()
    {
        var host = new ShopHost();
        try
        {
            var (sellerClient, seller) = await host.SignedInUser(Role.Seller);
            var (buyerClient, _) = await host.SignedInUser();
            var listing = await host.AvailableListing(seller);
            var placed = await buyerClient.PostAsJsonAsync("/api/orders", new { productId = listing.Id });
            var order = (await placed.Content.ReadFromJsonAsync<OrderDto>())!;
            var edited = await sellerClient.PatchAsJsonAsync($"/api/products/{listing.Id}", new { shipping = 9m });
            Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await buyerClient.PostAsync($"/api/orders/{order.Id}/cancel", null)).StatusCode);

            var catchUp = host.Services.GetServices<IHostedService>().OfType<ReadModelCatchUp>().Single();
            foreach (var grainType in new[] { "product", "order", "user" })
            {
                Assert.Empty(await catchUp.Behind(grainType, CancellationToken.None));
            }
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task Rows_behind_their_grains_or_missing_are_re_projected_at_the_next_start()
    {
        var host = new ShopHost();
        try
        {
            var (_, admin) = await host.SignedInUser(Role.Admin);
            var (_, seller) = await host.SignedInUser(Role.Seller);
            var (_, buyer) = await host.SignedInUser();

            var listing = host.Grains.GetGrain<IProductGrain>(ShopIds.New());
            await listing.Submit(new ListingDraft("Signed tour poster", "A tour poster signed by the whole band in 1994.", 120m, 5m, "posters", ["/uploads/p.jpg"], null), seller.Id, seller.Name);
            var listingRow = await Row(host, "products", listing.GetPrimaryKeyString());
            await listing.Approve();
            await Restore(host, "products", listingRow);

            var buyerRow = await Row(host, "users", buyer.Id);
            await host.Grains.GetGrain<IUserGrain>(buyer.Id).SetActive(false, admin.Id);
            await Restore(host, "users", buyerRow);

            var request = (await host.Grains.GetGrain<IUserGrain>(seller.Id).RequestSeller("I sell vinyl.")).Value!;
            var requestRow = await Row(host, "seller_requests", request.Id);
            await host.Grains.GetGrain<ISellerRequestGrain>(request.Id).Reject("Not yet.");
            await Restore(host, "seller_requests", requestRow);

            var (_, secondSeller) = await host.SignedInUser(Role.Seller);
            var forSale = await host.AvailableListing(secondSeller);
            var orderId = ShopIds.New();
            await host.Grains.GetGrain<IOrderGrain>(orderId).Place(forSale.Id, buyer.Id, buyer.Email);
            await Execute(host, "DELETE FROM orders WHERE id = @orderId", new { orderId });

            Assert.Equal("pending", await Status(host, "products", listing.GetPrimaryKeyString()));

            await host.DisposeAsync();
            host = new ShopHost(host.Folder);
            _ = host.Services;

            Assert.Equal("available", await Status(host, "products", listing.GetPrimaryKeyString()));
            Assert.Equal("rejected", await Status(host, "seller_requests", request.Id));
            Assert.Equal("pending", await Status(host, "orders", orderId));
            var buyerData = (string)(await Row(host, "users", buyer.Id))["data"];
            Assert.False(JsonDocument.Parse(buyerData).RootElement.GetProperty("active").GetBoolean());
            foreach (var (grainType, table, id) in new[]
            {
                ("product", "products", listing.GetPrimaryKeyString()),
                ("user", "users", buyer.Id),
                ("seller-request", "seller_requests", request.Id),
                ("order", "orders", orderId),
            })
            {
                var key = StoredGrainKey.Of(id);
                var stored = await Scalar(
                    host,
                    "SELECT Version FROM OrleansStorage WHERE GrainTypeString = @grainType AND GrainIdN0 = @N0 AND GrainIdN1 = @N1 AND GrainIdExtensionString = @Extension",
                    new { grainType, key.N0, key.N1, key.Extension });
                Assert.Equal(stored, (long)(await Row(host, table, id))["version"]);
            }
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }

    private static async Task<IDictionary<string, object>> Row(ShopHost host, string table, string id)
    {
        await using var connection = await host.Services.GetRequiredService<ShopDatabase>().Open();
        var row = await connection.QuerySingleOrDefaultAsync($"SELECT * FROM {table} WHERE id = @id", new { id });
        return (IDictionary<string, object>?)row ?? throw new InvalidOperationException($"No {table} row {id}.");
    }

    /// <summary>Puts an earlier snapshot back, as if the projection of the later change never happened.</summary>
    private static Task Restore(ShopHost host, string table, IDictionary<string, object> row) => Execute(
        host,
        $"""
        INSERT INTO {table} ({string.Join(", ", row.Keys)}) VALUES ({string.Join(", ", row.Keys.Select(column => "@" + column))})
        ON CONFLICT (id) DO UPDATE SET {string.Join(", ", row.Keys.Select(column => $"{column} = excluded.{column}"))}
        """,
        new DynamicParameters(row));

    private static async Task<string> Status(ShopHost host, string table, string id) => (string)(await Row(host, table, id))["status"];

    private static async Task Execute(ShopHost host, string sql, object parameters)
    {
        await using var connection = await host.Services.GetRequiredService<ShopDatabase>().Open();
        await connection.ExecuteAsync(sql, parameters);
    }

    private static async Task<long> Scalar(ShopHost host, string sql, object parameters)
    {
        await using var connection = await host.Services.GetRequiredService<ShopDatabase>().Open();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
