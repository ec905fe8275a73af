using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Products;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>The category endpoints and their listing counts, on SQLite and on PostgreSQL.</summary>
public abstract class CategoryEndpointTests(CatalogueHost shop)
{
    [Fact]
    public async Task The_category_list_counts_only_the_listings_the_public_can_browse()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        foreach (var status in Enum.GetValues<ListingStatus>())
        {
            await shop.Listing(seller, category, status);
        }

        var categories = await (await shop.Anonymous().GetAsync("/api/categories")).Content.ReadFromJsonAsync<List<CategoryDto>>();

        var listed = Assert.Single(categories!, c => c.Id == category);
        Assert.Equal(2, listed.ProductCount);
        Assert.Equal($"Category {category}", listed.Name);
    }

    [Fact]
    public async Task The_category_list_has_the_contract_shape()
    {
        await shop.NewCategory();

        var response = await shop.Anonymous().GetAsync("/api/categories");

        await Expect(response, HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var first = document.RootElement.EnumerateArray().First();
        Assert.Equal(["id", "name", "productCount"], first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_admin_creates_a_category_whose_id_is_a_slug_of_its_name()
    {
        var suffix = ShopIds.New()[..8];

        var response = await shop.Admin.PostAsJsonAsync("/api/admin/categories", new { name = $"Vinyles & Disques {suffix}" });

        await Expect(response, HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<CategoryDto>();
        Assert.Equal(new CategoryDto($"vinyles-disques-{suffix}", $"Vinyles & Disques {suffix}", 0), created);
        var listed = await shop.Anonymous().GetFromJsonAsync<List<CategoryDto>>("/api/categories");
        Assert.Contains(created, listed!);
    }

    [Fact]
    public async Task A_category_id_given_by_the_admin_is_kept_and_a_client_cannot_take_it_twice()
    {
        var id = $"figurines-{ShopIds.New()}";

        await Expect(await shop.Admin.PostAsJsonAsync("/api/admin/categories", new { id, name = "Figurines" }), HttpStatusCode.Created);
        var again = await shop.Admin.PostAsJsonAsync("/api/admin/categories", new { id, name = "Other figurines" });

        await Expect(again, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"id": "Not A Slug!", "name": "Figurines"}""", "id")]
    [InlineData("""{"id": "  ", "name": "Figurines"}""", "id")]
    [InlineData("""{"name": "  "}""", "name")]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name": "a name that is far too long for a category of the shop, which keeps them short"}""", "name")]
    public async Task A_category_with_a_bad_id_or_name_is_a_400_naming_the_field(string body, string field)
    {
        await ExpectFieldError(await shop.Admin.PostAsync("/api/admin/categories", Json(body)), field);
    }

    [Theory]
    [InlineData("""{"name": 42}""")]
    [InlineData("""{"name": "Figurines",""")]
    [InlineData("""not json""")]
    public async Task A_category_body_that_is_not_the_right_json_is_a_400(string body)
    {
        await Expect(await shop.Admin.PostAsync("/api/admin/categories", Json(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_admins_manage_categories()
    {
        var (buyer, _) = await shop.Buyer();
        var (seller, _) = await shop.Seller();
        var category = await shop.NewCategory();

        await Expect(await shop.Anonymous().PostAsJsonAsync("/api/admin/categories", new { name = "Caps" }), HttpStatusCode.Unauthorized);
        await Expect(await buyer.PostAsJsonAsync("/api/admin/categories", new { name = "Caps" }), HttpStatusCode.Forbidden);
        await Expect(await seller.PostAsJsonAsync("/api/admin/categories", new { name = "Caps" }), HttpStatusCode.Forbidden);
        await Expect(await seller.PatchAsJsonAsync($"/api/admin/categories/{category}", new { name = "Caps" }), HttpStatusCode.Forbidden);
        await Expect(await seller.DeleteAsync($"/api/admin/categories/{category}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Renaming_keeps_the_id_and_reports_the_browsable_count()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        await shop.Listing(seller, category, ListingStatus.Available);

        var response = await shop.Admin.PatchAsJsonAsync($"/api/admin/categories/{category}", new { name = "  Affiches anciennes  " });

        await Expect(response, HttpStatusCode.OK);
        Assert.Equal(new CategoryDto(category, "Affiches anciennes", 1), await response.Content.ReadFromJsonAsync<CategoryDto>());
    }

    [Fact]
    public async Task Renaming_an_unknown_category_is_a_404_and_a_blank_name_a_400()
    {
        var category = await shop.NewCategory();

        await Expect(await shop.Admin.PatchAsJsonAsync("/api/admin/categories/no-such-category", new { name = "Caps" }), HttpStatusCode.NotFound);
        await ExpectFieldError(await shop.Admin.PatchAsJsonAsync($"/api/admin/categories/{category}", new { name = "" }), "name");
        await ExpectFieldError(await shop.Admin.PatchAsync($"/api/admin/categories/{category}", Json("{}")), "name");
    }

    [Fact]
    public async Task An_unused_category_is_deleted_and_then_unknown()
    {
        var category = await shop.NewCategory();

        await Expect(await shop.Admin.DeleteAsync($"/api/admin/categories/{category}"), HttpStatusCode.NoContent);

        await Expect(await shop.Admin.DeleteAsync($"/api/admin/categories/{category}"), HttpStatusCode.NotFound);
        var listed = await shop.Anonymous().GetFromJsonAsync<List<CategoryDto>>("/api/categories");
        Assert.DoesNotContain(listed!, c => c.Id == category);
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted_even_by_a_pending_listing()
    {
        var category = await shop.NewCategory();
        var (_, seller) = await shop.Seller();
        await shop.Listing(seller, category, ListingStatus.Pending);

        await Expect(await shop.Admin.DeleteAsync($"/api/admin/categories/{category}"), HttpStatusCode.Conflict);
    }
}

public sealed class SqliteCategoryEndpointTests(CatalogueHost shop) : CategoryEndpointTests(shop), IClassFixture<CatalogueHost>;

public sealed class PostgresCategoryEndpointTests(PostgresCatalogueHost shop) : CategoryEndpointTests(shop), IClassFixture<PostgresCatalogueHost>;
