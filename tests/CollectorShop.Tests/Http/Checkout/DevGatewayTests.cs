using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>Checkout without Stripe: the development gateway's page and its Pay / Cancel calls, end to end over HTTP.</summary>
public sealed class DevGatewayTests(ClassHost fixture) : IClassFixture<ClassHost>
{
    private readonly ShopHost _host = fixture.Host;

    private async Task<(HttpClient Buyer, CheckoutResponse Opened)> CheckedOut(string productId)
    {
        var (buyer, _) = await _host.SignedInUser();
        var response = await buyer.PostAsJsonAsync("/api/checkout/session", new { productId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (buyer, (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!);
    }

    private static string SessionOf(CheckoutResponse opened) => opened.Url["/payments/dev/".Length..];

    [Fact]
    public async Task Reserve_pay_ship_and_confirm_take_the_order_to_completed_and_the_item_to_sold()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (buyer, opened) = await CheckedOut(listing.Id);
        Assert.Equal($"/payments/dev/dev_{opened.OrderId}", opened.Url);

        var paid = await buyer.PostAsync($"/api/payments/dev/{SessionOf(opened)}/complete", null);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var paidOrder = (await paid.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal("paid", paidOrder.Status);
        Assert.NotNull(paidOrder.PaidAt);
        Assert.Equal(ListingStatus.Sold, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
        Assert.Equal(new Payment(PaymentProvider.Dev, SessionOf(opened), null), (await _host.Grains.GetGrain<IOrderGrain>(opened.OrderId).Get())!.Payment);

        var shipped = await sellerClient.PostAsJsonAsync($"/api/orders/{opened.OrderId}/ship", new { carrier = " La Poste ", trackingNumber = "6A123456789" });
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        var shippedOrder = (await shipped.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal(("shipped", "La Poste", "6A123456789"), (shippedOrder.Status, shippedOrder.Carrier, shippedOrder.TrackingNumber));
        Assert.NotNull(shippedOrder.ShippedAt);

        var confirmed = await buyer.PostAsync($"/api/orders/{opened.OrderId}/confirm-receipt", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var completed = (await confirmed.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal("completed", completed.Status);
        Assert.True(completed.PaidAt <= completed.ShippedAt && completed.ShippedAt <= completed.CompletedAt);
        Assert.Equal(ListingStatus.Sold, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
    }

    [Fact]
    public async Task Cancelling_on_the_gateway_cancels_the_order_and_frees_the_item()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, opened) = await CheckedOut(listing.Id);

        var response = await buyer.PostAsync($"/api/payments/dev/{SessionOf(opened)}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.Content.ReadFromJsonAsync<OrderDto>())!.Status);
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsync($"/api/payments/dev/{SessionOf(opened)}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Checking_out_the_order_again_returns_the_same_gateway_session()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, opened) = await CheckedOut(listing.Id);

        var again = await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = opened.OrderId });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(opened, await again.Content.ReadFromJsonAsync<CheckoutResponse>());
    }

    [Fact]
    public async Task The_gateway_page_shows_the_item_and_total_with_pay_and_cancel_acting_with_the_spa_token()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, opened) = await CheckedOut(listing.Id);

        var response = await _host.CreateClient().GetAsync(opened.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains(listing.Title, html);
        Assert.Contains("127.50 €", html);
        Assert.Contains(">Pay</button>", html);
        Assert.Contains(">Cancel</button>", html);
        Assert.Contains("\"tokenKey\":\"collector-shop.token\"", html);
        Assert.Contains($"/api/payments/dev/{SessionOf(opened)}/complete", html);
        Assert.Contains($"http://localhost/?payment=success\\u0026orderId={opened.OrderId}\\u0026session_id={SessionOf(opened)}", html);
        Assert.Contains($"http://localhost/?payment=cancel\\u0026orderId={opened.OrderId}", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task The_page_of_a_paid_order_offers_no_buttons()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, opened) = await CheckedOut(listing.Id);
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/payments/dev/{SessionOf(opened)}/complete", null)).StatusCode);

        var html = await _host.CreateClient().GetStringAsync(opened.Url);

        Assert.DoesNotContain("</button>", html);
        Assert.Contains("This order is paid", html);
    }

    [Fact]
    public async Task The_page_escapes_what_sellers_wrote()
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var product = _host.Grains.GetGrain<IProductGrain>(ShopIds.New());
        await product.Submit(new ListingDraft("<script>alert(1)</script> poster", "A poster.", 10m, 1m, "posters", [], null), seller.Id, seller.Name);
        await product.Approve();
        var (_, opened) = await CheckedOut(product.GetPrimaryKeyString());

        var html = await _host.CreateClient().GetStringAsync(opened.Url);

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; poster", html);
    }

    [Theory]
    [InlineData("dev_0000000000000000000000000000000a")]
    [InlineData("cs_test_0000000000000000000000000000000a")]
    [InlineData("dev_")]
    [InlineData("dev_not%20an%20id")]
    public async Task A_session_that_does_not_exist_is_404(string sessionId)
    {
        var (buyer, _) = await _host.SignedInUser();

        Assert.Equal(HttpStatusCode.NotFound, (await _host.CreateClient().GetAsync($"/payments/dev/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/{sessionId}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/{sessionId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task An_order_placed_without_checkout_has_no_gateway_session()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var order = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/dev_{order.Id}/complete", null)).StatusCode);
        Assert.Equal("pending", (await buyer.GetFromJsonAsync<OrderDto>($"/api/orders/{order.Id}"))!.Status);
    }

    [Fact]
    public async Task Only_the_buyer_pays_or_cancels_strangers_get_404_the_seller_and_admins_403_anonymous_401()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (_, opened) = await CheckedOut(listing.Id);
        var (stranger, _) = await _host.SignedInUser();
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var session = SessionOf(opened);

        foreach (var action in new[] { "complete", "cancel" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/payments/dev/{session}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await sellerClient.PostAsync($"/api/payments/dev/{session}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/payments/dev/{session}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PostAsync($"/api/payments/dev/{session}/{action}", null)).StatusCode);
        }

        Assert.Equal(OrderStatus.Pending, (await _host.Grains.GetGrain<IOrderGrain>(opened.OrderId).Get())!.Status);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"productId\": null, \"orderId\": null}")]
    [InlineData("{\"productId\": \"  \"}")]
    [InlineData("{\"productId\": \"a\", \"orderId\": \"b\"}")]
    public async Task Checkout_needs_exactly_one_of_product_and_order(string body)
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsync("/api/checkout/session", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<CollectorShop.Silo.Http.ApiError>())!;
        Assert.Contains("productId", error.Errors!.Keys);
        Assert.Contains("orderId", error.Errors!.Keys);
    }

    [Theory]
    [InlineData("{\"productId\": ")]
    [InlineData("{\"productId\": 12}")]
    [InlineData("{\"orderId\": [\"a\"]}")]
    [InlineData("")]
    public async Task Malformed_json_and_wrong_types_are_400(string body)
    {
        var (buyer, _) = await _host.SignedInUser();

        var response = await buyer.PostAsync("/api/checkout/session", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(await response.ErrorOf()));
    }

    [Fact]
    public async Task An_oversized_checkout_body_is_413()
    {
        var (buyer, _) = await _host.SignedInUser();
        var body = $"{{\"productId\": \"{new string('a', 70 * 1024)}\"}}";

        var response = await buyer.PostAsync("/api/checkout/session", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
