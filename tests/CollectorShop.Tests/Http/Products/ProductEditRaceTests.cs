using System.Net;
using System.Net.Http.Json;
using CollectorShop.Silo.Products;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

public sealed class ProductEditRaceTests(CatalogueHost shop) : IClassFixture<CatalogueHost>
{
    private const int Rounds = 20;
    private const int EditsPerRound = 6;
    private const int ApprovalsPerRound = 2;

    [Fact]
    public async Task Seller_edits_racing_admin_approvals_keep_every_accepted_price_in_the_order_it_was_accepted()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();

        for (var round = 0; round < Rounds; round++)
        {
            var submitted = await Product(await seller.PostAsJsonAsync("/api/products", ValidBody(category)), HttpStatusCode.Created);
            var prices = Enumerable.Range(1, EditsPerRound).Select(i => 100m + i + round / 100m).ToList();

            var edits = prices.Select(price => seller.PatchAsJsonAsync(
                $"/api/products/{submitted.Id}", new { price, title = $"Boba Fett figure at {price}", description = $"Loose and complete, now {price} euros." })).ToList();
            var approvals = Enumerable.Range(0, ApprovalsPerRound)
                .Select(_ => shop.Admin.PostAsync($"/api/admin/products/{submitted.Id}/approve", null)).ToList();
            var editResponses = await Task.WhenAll(edits);
            var approvalResponses = await Task.WhenAll(approvals);

            var final = await Product(await seller.GetAsync($"/api/products/{submitted.Id}"));
            var accepted = new List<ProductDto>();
            foreach (var response in editResponses)
            {
                accepted.Add(await Product(response));
            }

            var approved = new List<ProductDto>();
            foreach (var response in approvalResponses)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"approve answered {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    approved.Add(await Product(response));
                }
            }

            var history = final.PriceHistory.Select(point => point.Price).ToList();
            Assert.Equal(submitted.Price, history[0]);
            Assert.Equal(prices.Order(), history.Skip(1).Order());
            Assert.Equal(history[^1], final.Price);
            Assert.Equal(final.PriceHistory.OrderBy(point => point.Date), final.PriceHistory);
            foreach (var snapshot in accepted.Concat(approved))
            {
                Assert.Equal(final.PriceHistory.Take(snapshot.PriceHistory.Count), snapshot.PriceHistory);
            }

            foreach (var edit in accepted)
            {
                Assert.Equal(edit.Price, edit.PriceHistory[^1].Price);
                Assert.Equal($"Boba Fett figure at {edit.Price}", edit.Title);
            }

            var approvedAfterLastEdit = approved.Any(snapshot => snapshot.PriceHistory.Count == history.Count);
            Assert.Equal(approvedAfterLastEdit ? "available" : "pending", final.Status);
            Assert.Equal($"Boba Fett figure at {final.Price}", final.Title);

            var row = Assert.Single(
                await ProductList(await seller.GetAsync($"/api/products?sellerId=me&category={category}&q={Uri.EscapeDataString(final.Title)}")),
                product => product.Id == submitted.Id);
            SameProducts([final], [row]);
        }
    }
}
