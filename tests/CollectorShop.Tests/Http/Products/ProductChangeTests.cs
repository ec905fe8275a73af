using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>PATCH and DELETE by the seller, and the admins' approve, reject and remove.</summary>
public sealed class ProductChangeTests(CatalogueHost shop) : IClassFixture<CatalogueHost>
{
    [Fact]
    public async Task A_price_change_appends_to_the_price_history_and_keeps_an_available_listing_online()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Available, price: 100m);

        var edited = await Product(await seller.PatchAsJsonAsync($"/api/products/{listing.Id}", new { price = 85.5m, shipping = 6m, location = "Nice" }));

        Assert.Equal("available", edited.Status);
        Assert.Equal((85.5m, 6m, "Nice"), (edited.Price, edited.Shipping, edited.Location));
        Assert.Equal([100m, 85.5m], edited.PriceHistory.Select(p => p.Price));
        Assert.True(edited.PriceHistory[1].Date >= edited.PriceHistory[0].Date);
    }

    [Theory]
    [InlineData("title", "A new title for the poster")]
    [InlineData("description", "A new and longer description of the poster.")]
    [InlineData("images", "https://images.example/new.jpg")]
    [InlineData("category", "other")]
    public async Task A_content_change_sends_an_available_listing_back_to_moderation(string field, string value)
    {
        var category = await shop.NewCategory();
        var other = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Available);
        object change = field switch
        {
            "images" => new[] { value },
            "category" => other,
            _ => value,
        };

        var edited = await Product(await seller.PatchAsJsonAsync($"/api/products/{listing.Id}", new Dictionary<string, object> { [field] = change }));

        Assert.Equal("pending", edited.Status);
        Assert.Equal([100m], edited.PriceHistory.Select(p => p.Price));
    }

    [Fact]
    public async Task Editing_a_rejected_listing_sends_it_back_to_moderation_without_its_reason()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Rejected);
        Assert.Equal("Blurry photos", (await Product(await seller.GetAsync($"/api/products/{listing.Id}"))).RejectionReason);

        var edited = await Product(await seller.PatchAsJsonAsync($"/api/products/{listing.Id}", new { images = new[] { "https://images.example/sharp.jpg" } }));

        Assert.Equal("pending", edited.Status);
        Assert.Null(edited.RejectionReason);
    }

    [Fact]
    public async Task Status_cannot_be_set_by_an_edit()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Pending);

        await ExpectFieldError(await seller.PatchAsJsonAsync($"/api/products/{listing.Id}", new { status = "available", price = 50m }), "status");

        var unchanged = await Product(await seller.GetAsync($"/api/products/{listing.Id}"));
        Assert.Equal(("pending", 100m), (unchanged.Status, unchanged.Price));
    }

    [Theory]
    [InlineData("""{"title": "ab"}""", "title")]
    [InlineData("""{"description": "short"}""", "description")]
    [InlineData("""{"price": 0}""", "price")]
    [InlineData("""{"price": 10.001}""", "price")]
    [InlineData("""{"shipping": 10001}""", "shipping")]
    [InlineData("""{"category": "no-such-category"}""", "category")]
    [InlineData("""{"images": []}""", "images")]
    [InlineData("""{"images": ["http://images.example/a.jpg"]}""", "images")]
    [InlineData("""{"status": null, "title": "ab"}""", "title")]
    public async Task An_edit_follows_the_listing_rules(string body, string field)
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Available);

        await ExpectFieldError(await seller.PatchAsync($"/api/products/{listing.Id}", Json(body)), field);
    }

    [Theory]
    [InlineData("""{"price": "12"}""")]
    [InlineData("""{"images": "https://images.example/a.jpg"}""")]
    [InlineData("""{"price": 12""")]
    [InlineData("")]
    public async Task An_edit_that_is_not_json_of_the_right_types_is_a_400(string body)
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Available);

        await Expect(await seller.PatchAsync($"/api/products/{listing.Id}", Json(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_seller_or_an_admin_edits_a_listing()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var (otherSeller, _) = await shop.Seller();
        var (buyer, _) = await shop.Buyer();
        var available = await shop.Listing(profile, category, ListingStatus.Available);
        var pending = await shop.Listing(profile, category, ListingStatus.Pending);

        await Expect(await shop.Anonymous().PatchAsJsonAsync($"/api/products/{available.Id}", new { price = 1m }), HttpStatusCode.Unauthorized);
        await Expect(await buyer.PatchAsJsonAsync($"/api/products/{available.Id}", new { price = 1m }), HttpStatusCode.Forbidden);
        await Expect(await otherSeller.PatchAsJsonAsync($"/api/products/{available.Id}", new { price = 1m }), HttpStatusCode.Forbidden);
        await Expect(await otherSeller.PatchAsJsonAsync($"/api/products/{pending.Id}", new { price = 1m }), HttpStatusCode.NotFound);
        var byAdmin = await Product(await shop.Admin.PatchAsJsonAsync($"/api/products/{available.Id}", new { price = 90m }));
        Assert.Equal(90m, byAdmin.Price);
    }

    [Theory]
    [InlineData(ListingStatus.Reserved)]
    [InlineData(ListingStatus.Sold)]
    public async Task A_reserved_or_sold_listing_cannot_be_edited_or_withdrawn(ListingStatus status)
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, status);

        await Expect(await seller.PatchAsJsonAsync($"/api/products/{listing.Id}", new { price = 1m }), HttpStatusCode.Conflict);
        await Expect(await seller.DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("/api/products/{0}", "PATCH")]
    [InlineData("/api/products/{0}", "DELETE")]
    [InlineData("/api/admin/products/{0}/approve", "POST")]
    [InlineData("/api/admin/products/{0}/reject", "POST")]
    [InlineData("/api/admin/products/{0}", "DELETE")]
    public async Task A_listing_id_that_names_nothing_is_a_404(string route, string method)
    {
        foreach (var id in new[] { ShopIds.New(), "not a listing id", new string('x', 300) })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), string.Format(route, Uri.EscapeDataString(id)));
            if (method == "PATCH")
            {
                request.Content = Json("""{"price": 10}""");
            }

            await Expect(await shop.Admin.SendAsync(request), HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Rejected)]
    public async Task The_seller_withdraws_a_listing_and_it_leaves_the_catalogue(ListingStatus status)
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, status);

        await Expect(await seller.DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.NoContent);

        Assert.Equal("withdrawn", (await Product(await seller.GetAsync($"/api/products/{listing.Id}"))).Status);
        await Expect(await shop.Anonymous().GetAsync($"/api/products/{listing.Id}"), HttpStatusCode.NotFound);
        Assert.Empty(await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}")));
        await Expect(await seller.DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_seller_withdraws_a_listing()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var (otherSeller, _) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Available);

        await Expect(await shop.Anonymous().DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.Unauthorized);
        await Expect(await otherSeller.DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.Forbidden);
        await Expect(await shop.Admin.DeleteAsync($"/api/products/{listing.Id}"), HttpStatusCode.Forbidden);
        Assert.Equal("available", (await Product(await shop.Anonymous().GetAsync($"/api/products/{listing.Id}"))).Status);
    }

    [Fact]
    public async Task An_admin_approves_a_pending_listing_once()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Pending);

        var approved = await Product(await shop.Admin.PostAsync($"/api/admin/products/{listing.Id}/approve", null));

        Assert.Equal("available", approved.Status);
        await Expect(await shop.Admin.PostAsync($"/api/admin/products/{listing.Id}/approve", null), HttpStatusCode.Conflict);
        await Expect(await shop.Admin.PostAsync($"/api/admin/products/{listing.Id}/reject", null), HttpStatusCode.Conflict);
        Assert.Single(await ProductList(await shop.Anonymous().GetAsync($"/api/products?category={category}")));
    }

    [Fact]
    public async Task An_admin_rejects_a_pending_listing_with_or_without_a_reason()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var withReason = await shop.Listing(profile, category, ListingStatus.Pending);
        var withoutBody = await shop.Listing(profile, category, ListingStatus.Pending);
        var blankReason = await shop.Listing(profile, category, ListingStatus.Pending);

        var rejected = await Product(await shop.Admin.PostAsJsonAsync($"/api/admin/products/{withReason.Id}/reject", new { reason = "  Photos are blurry  " }));
        var bare = await Product(await shop.Admin.PostAsync($"/api/admin/products/{withoutBody.Id}/reject", null));
        var blank = await Product(await shop.Admin.PostAsJsonAsync($"/api/admin/products/{blankReason.Id}/reject", new { reason = " " }));

        Assert.Equal(("rejected", "Photos are blurry"), (rejected.Status, rejected.RejectionReason));
        Assert.Equal(("rejected", null), (bare.Status, bare.RejectionReason));
        Assert.Null(blank.RejectionReason);
        await Expect(await shop.Admin.PostAsync($"/api/admin/products/{withReason.Id}/reject", null), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"reason": 42}""", null)]
    [InlineData("""{"reason": "x""", null)]
    [InlineData("long", "reason")]
    public async Task A_bad_rejection_body_is_a_400(string body, string? field)
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Pending);
        var json = body == "long" ? $$"""{"reason": "{{new string('r', 1001)}}"}""" : body;

        var response = await shop.Admin.PostAsync($"/api/admin/products/{listing.Id}/reject", Json(json));

        if (field is null)
        {
            await Expect(response, HttpStatusCode.BadRequest);
        }
        else
        {
            await ExpectFieldError(response, field);
        }
    }

    [Fact]
    public async Task A_rejection_body_that_is_not_json_is_a_415()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Pending);

        var response = await shop.Admin.PostAsync($"/api/admin/products/{listing.Id}/reject", new StringContent("blurry", System.Text.Encoding.UTF8, "text/plain"));

        await Expect(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("pending", (await Product(await shop.Admin.GetAsync($"/api/products/{listing.Id}"))).Status);
    }

    [Theory]
    [InlineData(ListingStatus.Pending)]
    [InlineData(ListingStatus.Available)]
    [InlineData(ListingStatus.Sold)]
    [InlineData(ListingStatus.Withdrawn)]
    public async Task An_admin_removes_a_listing_that_is_not_reserved(ListingStatus status)
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, status);

        await Expect(await shop.Admin.DeleteAsync($"/api/admin/products/{listing.Id}"), HttpStatusCode.NoContent);

        Assert.Equal("removed", (await Product(await seller.GetAsync($"/api/products/{listing.Id}"))).Status);
        await Expect(await shop.Anonymous().GetAsync($"/api/products/{listing.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reserved_listing_cannot_be_removed()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Reserved);

        await Expect(await shop.Admin.DeleteAsync($"/api/admin/products/{listing.Id}"), HttpStatusCode.Conflict);

        Assert.Equal("reserved", (await Product(await shop.Anonymous().GetAsync($"/api/products/{listing.Id}"))).Status);
    }

    [Fact]
    public async Task Only_admins_moderate()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller();
        var listing = await shop.Listing(profile, category, ListingStatus.Pending);

        await Expect(await shop.Anonymous().PostAsync($"/api/admin/products/{listing.Id}/approve", null), HttpStatusCode.Unauthorized);
        await Expect(await seller.PostAsync($"/api/admin/products/{listing.Id}/approve", null), HttpStatusCode.Forbidden);
        await Expect(await seller.PostAsync($"/api/admin/products/{listing.Id}/reject", null), HttpStatusCode.Forbidden);
        await Expect(await seller.DeleteAsync($"/api/admin/products/{listing.Id}"), HttpStatusCode.Forbidden);
        await Expect(await seller.GetAsync("/api/admin/products"), HttpStatusCode.Forbidden);
        await Expect(await shop.Anonymous().GetAsync("/api/admin/products"), HttpStatusCode.Unauthorized);
        Assert.Equal("pending", (await Product(await seller.GetAsync($"/api/products/{listing.Id}"))).Status);
    }
}
