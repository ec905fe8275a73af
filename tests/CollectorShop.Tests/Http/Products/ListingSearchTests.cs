using System.Net.Http.Json;
using CollectorShop.Grains;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>The catalogue's word search (q) through its trigram index, on SQLite and on PostgreSQL: kept in step with edits, exact about wildcards.</summary>
public abstract class ListingSearchTests(CatalogueHost shop)
{
    [Fact]
    public async Task An_edited_listing_is_found_by_its_new_words_and_no_longer_by_its_old_ones()
    {
        var category = await shop.NewCategory();
        var (sellerClient, seller) = await shop.Seller();
        var listing = await shop.Listing(seller, category, title: "Polaroid SX-70 camera", description: "Folding instant camera, leather intact.");

        var edited = await sellerClient.PatchAsJsonAsync($"/api/products/{listing.Id}", new { title = "Hasselblad 500C/M body" });
        await Expect(edited, System.Net.HttpStatusCode.OK);
        await shop.Grains.GetGrain<IProductGrain>(listing.Id).Approve();

        Assert.Equal([listing.Id], await Search(category, "hasselblad"));
        Assert.Empty(await Search(category, "polaroid"));
        Assert.Equal([listing.Id], await Search(category, "leather"));
    }

    [Fact]
    public async Task Wildcard_characters_in_q_match_only_themselves()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        var literal = await shop.Listing(seller, category, title: "Jersey 100% cotton_edition", description: "Worn once at the 1998 final.");
        await shop.Listing(seller, category, title: "Jersey 1000 cottonXedition", description: "Replica shirt, never worn at all.");

        Assert.Equal([literal.Id], await Search(category, "100%"));
        Assert.Equal([literal.Id], await Search(category, "cotton_edition"));
        Assert.Empty(await Search(category, "100%_"));
    }

    [Fact]
    public async Task Words_shorter_than_three_letters_still_match()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        var leica = await shop.Listing(seller, category, title: "Leica M3 rangefinder", description: "Serviced in 2023, Summicron lens included.");
        await shop.Listing(seller, category, title: "Nikon F rangefinder", description: "Serviced in 2021, Nikkor lens included.");

        Assert.Equal([leica.Id], await Search(category, "m3"));
        Assert.Equal([leica.Id], await Search(category, "M3 rangefinder"));
    }

    private async Task<List<string>> Search(string category, string q) =>
        [.. (await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&q={Uri.EscapeDataString(q)}"))).Select(p => p.Id)];
}

public sealed class SqliteListingSearchTests(CatalogueHost shop) : ListingSearchTests(shop), IClassFixture<CatalogueHost>;

public sealed class PostgresListingSearchTests(PostgresCatalogueHost shop) : ListingSearchTests(shop), IClassFixture<PostgresCatalogueHost>;
