using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CollectorShop.Grains;

namespace CollectorShop.Tests.Http;

/// <summary>Every time the API writes is UTC with a "Z", whichever route writes it.</summary>
public sealed class WireTimesTests(ClassHost shop) : IClassFixture<ClassHost>
{
    [Fact]
    public async Task Listing_and_order_times_are_utc_with_a_z()
    {
        var (_, _, listing) = await shop.Host.SellerWithListing();
        var (buyer, _) = await shop.Host.SignedInUser(Role.Buyer);

        var product = await shop.Host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/products/{listing.Id}");
        var placed = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id });
        var order = await placed.Content.ReadFromJsonAsync<JsonObject>();

        string[] times =
        [
            product!["createdAt"]!.GetValue<string>(),
            product["updatedAt"]!.GetValue<string>(),
            product["priceHistory"]![0]!["date"]!.GetValue<string>(),
            order!["createdAt"]!.GetValue<string>(),
            order["expiresAt"]!.GetValue<string>(),
        ];
        Assert.All(times, time => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", time));
    }
}
