using System.Net;
using CollectorShop.Grains;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>GET /api/products: filters, sort, paging and the total in X-Total-Count, on SQLite and on PostgreSQL.</summary>
public abstract class ProductListTests(CatalogueHost shop)
{
    [Fact]
    public async Task The_newest_listings_come_first_by_default()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        var first = await shop.Listing(seller, category);
        var second = await shop.Listing(seller, category);
        var third = await shop.Listing(seller, category);

        var listed = await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}"));

        Assert.Equal([third.Id, second.Id, first.Id], listed.Select(p => p.Id));
        SameProducts(listed, await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&sort=newest")));
    }

    [Fact]
    public async Task Listings_sort_by_price_both_ways()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        foreach (var price in new[] { 20m, 5.5m, 1000m, 99.99m })
        {
            await shop.Listing(seller, category, price: price);
        }

        var ascending = await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&sort=price_asc"));
        var descending = await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&sort=price_desc"));

        Assert.Equal([5.5m, 20m, 99.99m, 1000m], ascending.Select(p => p.Price));
        Assert.Equal([1000m, 99.99m, 20m, 5.5m], descending.Select(p => p.Price));
    }

    [Fact]
    public async Task Min_and_max_price_bound_the_list_inclusively()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        foreach (var price in new[] { 9.99m, 10m, 50m, 100m, 100.01m })
        {
            await shop.Listing(seller, category, price: price);
        }

        var listed = await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&minPrice=10&maxPrice=100.00&sort=price_asc"));

        Assert.Equal([10m, 50m, 100m], listed.Select(p => p.Price));
        Assert.Equal([100m, 100.01m], (await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&minPrice=100&sort=price_asc"))).Select(p => p.Price));
        Assert.Equal([9.99m], (await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&maxPrice=9.99"))).Select(p => p.Price));
    }

    [Fact]
    public async Task Q_finds_every_word_in_the_title_or_description_whatever_the_case()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        var falcon = await shop.Listing(seller, category, title: "LEGO Millennium Falcon 10179", description: "Sealed box, shelf wear on one corner.");
        var fett = await shop.Listing(seller, category, title: "Boba Fett figure", description: "Kenner 1979, bounty hunter from the Empire Strikes Back.");
        await shop.Listing(seller, category, title: "Leica M3 camera", description: "Serviced rangefinder with a Summicron lens.");

        async Task<IEnumerable<string>> Search(string q) =>
            (await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&q={Uri.EscapeDataString(q)}"))).Select(p => p.Id);

        Assert.Equal([falcon.Id], await Search("millennium"));
        Assert.Equal([falcon.Id], await Search("MILLENNIUM falcon"));
        Assert.Equal([falcon.Id], await Search("SHELF"));
        Assert.Equal([fett.Id], await Search("Bounty  Empire"));
        Assert.Empty(await Search("falcon bounty"));
        Assert.Empty(await Search("100%"));
        Assert.Equal(3, (await Search("  ")).Count());
    }

    [Fact]
    public async Task A_seller_id_narrows_the_list_to_that_seller()
    {
        var category = await shop.NewCategory();
        var (_, camille) = await shop.Seller();
        var (_, hugo) = await shop.Seller();
        var byCamille = await shop.Listing(camille, category);
        await shop.Listing(hugo, category);

        var listed = await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&sellerId={camille.Id}"));

        Assert.Equal([byCamille.Id], listed.Select(p => p.Id));
        Assert.Empty(await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}&sellerId=nobody")));
    }

    [Fact]
    public async Task Pages_split_the_list_and_the_header_counts_all_matches()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Insert(0, (await shop.Listing(seller, category)).Id);
        }

        await shop.Listing(seller, category, ListingStatus.Pending);

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await shop.Anonymous().GetAsync($"/api/products?category={category}&page={page}&pageSize=2");
            var items = await ProductList(response);
            Assert.Equal(5, TotalCount(response));
            pages.AddRange(items.Select(p => p.Id));
        }

        Assert.Equal(ids, pages);
        var beyond = await shop.Anonymous().GetAsync($"/api/products?category={category}&page=4&pageSize=2");
        Assert.Empty(await ProductList(beyond));
        Assert.Equal(5, TotalCount(beyond));
    }

    [Fact]
    public async Task The_page_size_defaults_to_24()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        for (var i = 0; i < 25; i++)
        {
            await shop.Listing(seller, category);
        }

        var response = await shop.Anonymous().GetAsync($"/api/products?category={category}");

        Assert.Equal(24, (await ProductList(response)).Count);
        Assert.Equal(25, TotalCount(response));
    }

    [Theory]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("sort=", "sort")]
    [InlineData("status=lost", "status")]
    [InlineData("status=1", "status")]
    [InlineData("minPrice=ten", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=1e3", "maxPrice")]
    [InlineData("maxPrice=12.345", "maxPrice")]
    [InlineData("maxPrice=1,000", "maxPrice")]
    [InlineData("minPrice=100&maxPrice=10", "minPrice")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=99999999999", "pageSize")]
    public async Task A_bad_query_value_is_a_400_naming_it(string query, string field)
    {
        await ExpectFieldError(await shop.Anonymous().GetAsync($"/api/products?{query}"), field);
        await ExpectFieldError(await shop.Admin.GetAsync($"/api/admin/products?{query}"), field);
    }

    [Fact]
    public async Task The_admin_list_takes_the_same_filters()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        await shop.Listing(seller, category, ListingStatus.Pending, title: "Cheap pending poster", price: 5m);
        var match = await shop.Listing(seller, category, ListingStatus.Pending, title: "Dear pending poster", price: 500m);
        await shop.Listing(seller, category, ListingStatus.Available, title: "Dear available poster", price: 500m);

        var response = await shop.Admin.GetAsync($"/api/admin/products?category={category}&status=pending&minPrice=100&q=dear&sellerId={seller.Id}&sort=price_desc&page=1&pageSize=10");

        Assert.Equal([match.Id], (await ProductList(response)).Select(p => p.Id));
        Assert.Equal(1, TotalCount(response));
    }

    [Fact]
    public async Task The_list_reflects_a_change_as_soon_as_the_grain_answered()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category);

        await Product(await seller.PatchAsync($"/api/products/{listing.Id}", Json("""{"price": 42.5}""")));

        var listed = Assert.Single(await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}")));
        Assert.Equal((42.5m, 2), (listed.Price, listed.PriceHistory.Count));
        Assert.Equal(HttpStatusCode.OK, (await shop.Anonymous().GetAsync("/api/products")).StatusCode);
    }
}

public sealed class SqliteProductListTests(CatalogueHost shop) : ProductListTests(shop), IClassFixture<CatalogueHost>;

public sealed class PostgresProductListTests(PostgresCatalogueHost shop) : ProductListTests(shop), IClassFixture<PostgresCatalogueHost>;
