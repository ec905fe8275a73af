using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectorShop.Grains;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

public sealed class ProductCreateTests(CatalogueHost shop) : IClassFixture<CatalogueHost>
{
    [Fact]
    public async Task A_seller_lists_an_item_that_waits_for_moderation()
    {
        var category = await shop.NewCategory();
        var (seller, profile) = await shop.Seller(name: "Camille Laurent");
        var image = await shop.StoredPng();
        var body = ValidBody(category);
        body["images"] = new[] { image, "https://images.example/boba-back.jpg" };

        var response = await seller.PostAsJsonAsync("/api/products", body);

        var product = await Product(response, HttpStatusCode.Created);
        Assert.Equal($"/api/products/{product.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", product.Status);
        Assert.Equal(("Kenner Boba Fett 1979", 180.5m, 8m, "Lyon"), (product.Title, product.Price, product.Shipping, product.Location));
        Assert.Equal((category, category), (product.CategoryId, product.Category));
        Assert.Equal((profile.Id, "Camille Laurent"), (product.SellerId, product.SellerName));
        Assert.Equal([image, "https://images.example/boba-back.jpg"], product.Images);
        Assert.Equal(image, product.Image);
        Assert.Equal(180.5m, Assert.Single(product.PriceHistory).Price);
        SameProducts([product], [await Product(await seller.GetAsync($"/api/products/{product.Id}"))]);
    }

    [Fact]
    public async Task A_product_has_every_field_of_the_contract()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();

        var response = await seller.PostAsJsonAsync("/api/products", ValidBody(category));

        await Expect(response, HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] contract =
        [
            "id", "title", "description", "price", "shipping", "image", "images", "categoryId", "category", "sellerId",
            "sellerName", "sellerRating", "sellerReviews", "location", "status", "createdAt", "updatedAt", "priceHistory",
        ];
        Assert.Superset(contract.ToHashSet(), names);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sellerRating").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("sellerReviews").GetInt32());
        Assert.False(names.Contains("reservation"), "who holds a reservation stays inside the shop");
        var point = json.RootElement.GetProperty("priceHistory")[0];
        Assert.Equal(["price", "date"], point.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_client_chosen_id_and_status_are_ignored()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body["id"] = "my-own-id";
        body["status"] = "available";

        var product = await Product(await seller.PostAsJsonAsync("/api/products", body), HttpStatusCode.Created);

        Assert.NotEqual("my-own-id", product.Id);
        Assert.Equal("pending", product.Status);
        await Expect(await shop.Anonymous().GetAsync("/api/products/my-own-id"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shipping_and_location_may_be_left_out()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body.Remove("shipping");
        body.Remove("location");

        var product = await Product(await seller.PostAsJsonAsync("/api/products", body), HttpStatusCode.Created);

        Assert.Equal(0m, product.Shipping);
        Assert.Null(product.Location);
    }

    [Theory]
    [InlineData("title", null)]
    [InlineData("title", "ab")]
    [InlineData("title", "  ab  ")]
    [InlineData("title", "121")]
    [InlineData("description", null)]
    [InlineData("description", "too short")]
    [InlineData("description", "5001")]
    [InlineData("price", null)]
    [InlineData("price", "0")]
    [InlineData("price", "-1")]
    [InlineData("price", "1000000.01")]
    [InlineData("price", "12.345")]
    [InlineData("shipping", "-0.01")]
    [InlineData("shipping", "10000.01")]
    [InlineData("shipping", "4.999")]
    [InlineData("category", null)]
    [InlineData("category", "no-such-category")]
    [InlineData("location", "121")]
    public async Task Each_listing_rule_is_a_400_naming_its_field(string field, string? value)
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body[field] = value switch
        {
            null => null,
            _ when field is "price" or "shipping" => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            "121" or "5001" => new string('x', int.Parse(value)),
            _ => value,
        };

        await ExpectFieldError(await seller.PostAsJsonAsync("/api/products", body), field);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body["title"] = "abc";
        body["description"] = new string('d', 5000);
        body["price"] = 1_000_000m;
        body["shipping"] = 10_000m;
        body["images"] = Enumerable.Range(0, 8).Select(i => $"https://images.example/{i}.jpg").ToArray();

        await Expect(await seller.PostAsJsonAsync("/api/products", body), HttpStatusCode.Created);
        body["price"] = 0.01m;
        body["shipping"] = 0m;
        body["title"] = new string('t', 120);
        body["description"] = new string('d', 10);
        await Expect(await seller.PostAsJsonAsync("/api/products", body), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("empty")]
    [InlineData("nine")]
    [InlineData("http://images.example/boba.jpg")]
    [InlineData("ftp://images.example/boba.jpg")]
    [InlineData("images.example/boba.jpg")]
    [InlineData("/uploads/unknown-image.png")]
    [InlineData("/uploads/../secrets.png")]
    [InlineData("/static/boba.png")]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_listing_needs_one_to_eight_photos_of_this_shop_or_https(string images)
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body["images"] = images switch
        {
            "none" => null,
            "empty" => Array.Empty<string>(),
            "nine" => Enumerable.Range(0, 9).Select(i => $"https://images.example/{i}.jpg").ToArray(),
            "null" => new string?[] { null },
            _ => new[] { images },
        };

        await ExpectFieldError(await seller.PostAsJsonAsync("/api/products", body), "images");
    }

    [Fact]
    public async Task An_uploads_url_must_name_a_stored_image_with_its_own_extension()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var png = await shop.StoredPng();
        var body = ValidBody(category);
        body["images"] = new[] { png.Replace(".png", ".gif") };

        await ExpectFieldError(await seller.PostAsJsonAsync("/api/products", body), "images");
    }

    [Fact]
    public async Task Every_problem_of_a_body_is_reported_at_once()
    {
        var (seller, _) = await shop.Seller();

        var error = await Expect(await seller.PostAsync("/api/products", Json("{}")), HttpStatusCode.BadRequest);

        Assert.Equal(["category", "description", "images", "price", "title"], error!.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("""{"title": "Boba Fett figure", "description": "Loose and complete figure.", "price": "180", "category": "x", "images": ["https://a.example/b.jpg"]}""")]
    [InlineData("""{"title": 42, "description": "Loose and complete figure.", "price": 180, "category": "x", "images": ["https://a.example/b.jpg"]}""")]
    [InlineData("""{"title": "Boba Fett figure", "description": "Loose and complete figure.", "price": 180, "category": "x", "images": "https://a.example/b.jpg"}""")]
    [InlineData("""{"title": "Boba Fett figure", "price": 1e400}""")]
    [InlineData("""{"title": "Boba Fett figure",""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("""null""")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_listing_in_json_is_a_400(string json)
    {
        var (seller, _) = await shop.Seller();

        await Expect(await seller.PostAsync("/api/products", Json(json)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_and_no_body_a_400()
    {
        var (seller, _) = await shop.Seller();

        await Expect(await seller.PostAsync("/api/products", new StringContent("title=Boba", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);
        await Expect(await seller.PostAsync("/api/products", null), HttpStatusCode.BadRequest);
        await Expect(await seller.PatchAsync($"/api/products/{ShopIds.New()}", new StringContent("x", System.Text.Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await Expect(await shop.Admin.PostAsync("/api/admin/categories", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_a_413()
    {
        var category = await shop.NewCategory();
        var (seller, _) = await shop.Seller();
        var body = ValidBody(category);
        body["description"] = new string('d', 70 * 1024);

        await Expect(await seller.PostAsJsonAsync("/api/products", body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Only_active_sellers_and_admins_list_items()
    {
        var category = await shop.NewCategory();
        var (buyer, _) = await shop.Buyer();
        var (inactive, _) = await shop.Host.SignedInUser(Role.Seller, active: false);

        await Expect(await shop.Anonymous().PostAsJsonAsync("/api/products", ValidBody(category)), HttpStatusCode.Unauthorized);
        await Expect(await buyer.PostAsJsonAsync("/api/products", ValidBody(category)), HttpStatusCode.Forbidden);
        await Expect(await inactive.PostAsJsonAsync("/api/products", ValidBody(category)), HttpStatusCode.Forbidden);
        var byAdmin = await Product(await shop.Admin.PostAsJsonAsync("/api/products", ValidBody(category)), HttpStatusCode.Created);
        Assert.Equal(shop.AdminUser.Id, byAdmin.SellerId);
    }
}
