using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http.Orders;

/// <summary>POST /api/orders, GET /api/orders, GET /api/orders/{id}, POST /api/orders/{id}/cancel on the real host.</summary>
public sealed class OrderEndpointTests(ClassHost fixture) : IClassFixture<ClassHost>
{
    private readonly ShopHost _host = fixture.Host;

    [Fact]
    public async Task Buying_an_available_item_creates_a_pending_order_that_reserves_it()
    {
        var (_, seller, listing) = await _host.SellerWithListing();
        var (buyer, buyerProfile) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((listing.Id, buyerProfile.Id, seller.Id, "pending", 1), (order.ProductId, order.BuyerId, order.SellerId, order.Status, order.Quantity));
        Assert.Equal((120m, 7.50m, 127.50m, 6.00m, 121.50m), (order.Price, order.Shipping, order.TotalPrice, order.Commission, order.SellerPayout));
        Assert.Equal(
            new OrderProductDto(listing.Id, listing.Title, listing.Description, "/uploads/poster.jpg", 120m, 7.50m, "posters", seller.Name),
            order.Product);
        Assert.True(order.ExpiresAt > order.CreatedAt);
        var reserved = (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!;
        Assert.Equal(ListingStatus.Reserved, reserved.Status);
        Assert.Equal(order.Id, reserved.Reservation?.OrderId);
    }

    [Fact]
    public async Task An_order_on_the_wire_has_the_contract_members_in_camel_case_with_utc_times()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id, quantity = 1 });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var order = json.RootElement;
        Assert.Equal(
            ["id", "productId", "buyerId", "sellerId", "status", "quantity", "price", "shipping", "totalPrice", "commission", "sellerPayout",
             "createdAt", "updatedAt", "expiresAt", "paidAt", "shippedAt", "completedAt", "carrier", "trackingNumber", "product"],
            order.EnumerateObject().Select(member => member.Name));
        Assert.Equal(
            ["id", "title", "description", "image", "price", "shipping", "categoryId", "sellerName"],
            order.GetProperty("product").EnumerateObject().Select(member => member.Name));
        Assert.EndsWith("Z", order.GetProperty("createdAt").GetString());
        Assert.Equal(127.50m, order.GetProperty("totalPrice").GetDecimal());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("paidAt").ValueKind);
    }

    [Fact]
    public async Task Buying_an_unknown_listing_is_404()
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = ShopIds.New() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Listing not found.", await response.ErrorOf());
    }

    [Fact]
    public async Task Buying_an_item_someone_else_holds_is_409()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (first, _) = await _host.SignedInUser();
        var (second, _) = await _host.SignedInUser();
        Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).StatusCode);

        var response = await second.PostAsJsonAsync("/api/orders", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("reserved", await response.ErrorOf());
    }

    [Fact]
    public async Task Buying_a_sold_item_is_409()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (earlierBuyer, _) = await _host.SignedInUser();
        var earlier = (await (await earlierBuyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.True((await _host.Grains.GetGrain<IProductGrain>(listing.Id).MarkSold(earlier.Id)).Succeeded);
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("sold", await response.ErrorOf());
    }

    [Fact]
    public async Task A_listing_awaiting_moderation_cannot_be_bought()
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var pending = _host.Grains.GetGrain<IProductGrain>(ShopIds.New());
        await pending.Submit(new ListingDraft("Vintage camera", "A working rangefinder from 1962.", 80m, 5m, "cameras", ["/uploads/camera.jpg"], null), seller.Id, seller.Name);
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = pending.GetPrimaryKeyString() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Buying_your_own_listing_is_400_and_leaves_it_available()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();

        var response = await sellerClient.PostAsJsonAsync("/api/orders", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("You cannot buy your own listing.", await response.ErrorOf());
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task A_quantity_other_than_one_is_400_and_reserves_nothing(int quantity)
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id, quantity });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<CollectorShop.Silo.Http.ApiError>())!;
        Assert.Contains("quantity", error.Errors!.Keys);
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"productId\": null}")]
    [InlineData("{\"productId\": \"\"}")]
    [InlineData("{\"productId\": \"   \", \"quantity\": 1}")]
    public async Task A_missing_product_id_is_400_naming_the_field(string body)
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<CollectorShop.Silo.Http.ApiError>())!;
        Assert.Equal("productId is required.", error.Errors!["productId"].Single());
    }

    [Theory]
    [InlineData("{\"productId\": ")]
    [InlineData("not json")]
    [InlineData("{\"productId\": 42}")]
    [InlineData("{\"productId\": \"p\", \"quantity\": \"1\"}")]
    [InlineData("{\"productId\": \"p\", \"quantity\": 1.5}")]
    [InlineData("[\"p\"]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_json_and_wrong_types_are_400(string body)
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.ErrorOf()));
    }

    [Fact]
    public async Task Ordering_needs_a_signed_in_active_account()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (inactive, _) = await _host.SignedInUser(active: false);

        var anonymous = await _host.CreateClient().PostAsJsonAsync("/api/orders", new { productId = listing.Id });
        var awaitingValidation = await inactive.PostAsJsonAsync("/api/orders", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, awaitingValidation.StatusCode);
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }

    [Fact]
    public async Task Fifty_buyers_racing_for_one_item_produce_exactly_one_order()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _host.SignedInUser()));

        var responses = await Task.WhenAll(buyers.Select(buyer => buyer.Client.PostAsJsonAsync("/api/orders", new { productId = listing.Id })));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        var winner = (await responses.Single(response => response.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<OrderDto>())!;
        var reserved = (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!;
        Assert.Equal(ListingStatus.Reserved, reserved.Status);
        Assert.Equal(winner.Id, reserved.Reservation?.OrderId);
        await using var connection = await _host.Services.GetRequiredService<ShopDatabase>().Open();
        var rows = await connection.QueryAsync<string>("SELECT id FROM orders WHERE product_id = @Id", new { listing.Id });
        Assert.Equal([winner.Id], rows);
    }

    [Fact]
    public async Task My_orders_are_my_purchases_newest_first_with_the_total_in_a_header()
    {
        var (buyer, _) = await _host.SignedInUser();
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, _, listing) = await _host.SellerWithListing();
            var response = await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id });
            placed.Add((await response.Content.ReadFromJsonAsync<OrderDto>())!.Id);
        }
        var (someoneElse, _) = await _host.SignedInUser();
        var (_, _, otherListing) = await _host.SellerWithListing();
        await someoneElse.PostAsJsonAsync("/api/orders", new { productId = otherListing.Id });

        var all = await buyer.GetAsync("/api/orders");
        var secondPage = await buyer.GetAsync("/api/orders?page=2&pageSize=2");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("3", all.Headers.GetValues("X-Total-Count").Single());
        var orders = (await all.Content.ReadFromJsonAsync<List<OrderDto>>())!;
        Assert.Equal(Enumerable.Reverse(placed), orders.Select(order => order.Id));
        Assert.All(orders, order => Assert.Equal("Signed tour poster", order.Product.Title));
        Assert.Equal("3", secondPage.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([placed[0]], (await secondPage.Content.ReadFromJsonAsync<List<OrderDto>>())!.Select(order => order.Id));
    }

    [Fact]
    public async Task Someone_who_bought_nothing_gets_an_empty_list()
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=0")]
    [InlineData("page=two")]
    public async Task Bad_paging_is_400(string query)
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.GetAsync($"/api/orders?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.ErrorOf()));
    }

    [Fact]
    public async Task An_order_is_shown_to_its_buyer_its_seller_and_admins()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var placed = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;

        foreach (var client in new[] { buyer, sellerClient, admin })
        {
            var response = await client.GetAsync($"/api/orders/{placed.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(placed, await response.Content.ReadFromJsonAsync<OrderDto>());
        }
    }

    [Fact]
    public async Task Someone_else_s_order_is_404_as_if_it_did_not_exist()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var (stranger, _) = await _host.SignedInUser(Role.Seller);
        var placed = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;

        var theirs = await stranger.GetAsync($"/api/orders/{placed.Id}");
        var unknown = await stranger.GetAsync($"/api/orders/{ShopIds.New()}");
        var cancel = await stranger.PostAsync($"/api/orders/{placed.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(await unknown.ErrorOf(), await theirs.ErrorOf());
        Assert.Equal(ListingStatus.Reserved, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }

    [Fact]
    public async Task Orders_need_a_signed_in_caller()
    {
        var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/orders/{ShopIds.New()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/orders/{ShopIds.New()}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_pending_order_frees_the_item_and_cancelling_again_is_409()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var placed = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;

        var first = await buyer.PostAsync($"/api/orders/{placed.Id}/cancel", null);
        var second = await buyer.PostAsync($"/api/orders/{placed.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("cancelled", (await first.Content.ReadFromJsonAsync<OrderDto>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("cancelled", await second.ErrorOf());
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
        var (nextBuyer, _) = await _host.SignedInUser();
        Assert.Equal(HttpStatusCode.Created, (await nextBuyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).StatusCode);
        var mine = (await (await buyer.GetAsync($"/api/orders/{placed.Id}")).Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal("cancelled", mine.Status);
    }

    [Fact]
    public async Task Only_the_buyer_may_cancel_the_seller_and_admins_get_403()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var placed = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;

        var bySeller = await sellerClient.PostAsync($"/api/orders/{placed.Id}/cancel", null);
        var byAdmin = await admin.PostAsync($"/api/orders/{placed.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, bySeller.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal("Only the buyer can cancel this order.", await bySeller.ErrorOf());
        Assert.Equal(ListingStatus.Reserved, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }
}
