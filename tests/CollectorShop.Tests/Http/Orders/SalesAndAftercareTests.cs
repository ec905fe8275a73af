using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Http.Orders;

/// <summary>GET /api/seller/orders, POST /api/orders/{id}/ship and /confirm-receipt, GET /api/admin/orders, POST /api/admin/orders/{id}/refund.</summary>
public sealed class SalesAndAftercareTests(ClassHost fixture) : IClassFixture<ClassHost>
{
    private readonly ShopHost _host = fixture.Host;

    /// <summary>An order of a new buyer for a new listing of the seller, brought to the status through the grain.</summary>
    private async Task<(HttpClient Buyer, Order Order)> OrderOf(UserProfile seller, OrderStatus status = OrderStatus.Paid, decimal price = 120m)
    {
        var listing = await _host.AvailableListing(seller, price);
        var (buyer, buyerProfile) = await _host.SignedInUser();
        var grain = _host.Grains.GetGrain<IOrderGrain>(ShopIds.New());
        var order = (await grain.Place(listing.Id, buyerProfile.Id, buyerProfile.Email)).Value!;
        if (status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed or OrderStatus.Refunded)
        {
            order = (await grain.MarkPaid(new Payment(PaymentProvider.Dev, $"dev_{order.Id}", null))).Value!;
        }

        order = status switch
        {
            OrderStatus.Cancelled => (await grain.Cancel(buyerProfile.Id)).Value!,
            OrderStatus.Shipped or OrderStatus.Completed => (await grain.Ship(seller.Id, null, null)).Value!,
            OrderStatus.Refunded => (await grain.Refund()).Value!,
            _ => order,
        };
        if (status == OrderStatus.Completed)
        {
            order = (await grain.ConfirmReceipt(buyerProfile.Id)).Value!;
        }

        Assert.Equal(status, order.Status);
        return (buyer, order);
    }

    [Fact]
    public async Task A_seller_sees_their_sales_newest_first_with_the_total_in_a_header()
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, first) = await OrderOf(seller, OrderStatus.Pending);
        var (_, second) = await OrderOf(seller, OrderStatus.Paid);
        var (_, third) = await OrderOf(seller, OrderStatus.Cancelled);
        var (_, otherSeller) = await _host.SignedInUser(Role.Seller);
        await OrderOf(otherSeller);

        var response = await sellerClient.GetAsync("/api/seller/orders?pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([third.Id, second.Id], (await response.Content.ReadFromJsonAsync<List<OrderDto>>())!.Select(o => o.Id));
        var rest = (await sellerClient.GetFromJsonAsync<List<OrderDto>>("/api/seller/orders?page=2&pageSize=2"))!;
        Assert.Equal([first.Id], rest.Select(o => o.Id));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=abc")]
    public async Task Bad_paging_of_sales_is_400(string query)
    {
        var (sellerClient, _) = await _host.SignedInUser(Role.Seller);

        Assert.Equal(HttpStatusCode.BadRequest, (await sellerClient.GetAsync($"/api/seller/orders?{query}")).StatusCode);
    }

    [Fact]
    public async Task The_seller_ships_a_paid_order_with_optional_carrier_and_tracking()
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, withDetails) = await OrderOf(seller);
        var (_, without) = await OrderOf(seller);

        var shipped = await sellerClient.PostAsJsonAsync($"/api/orders/{withDetails.Id}/ship", new { carrier = "Colissimo", trackingNumber = "  " });
        var bare = await sellerClient.PostAsync($"/api/orders/{without.Id}/ship", null);

        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        var order = (await shipped.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal(("shipped", "Colissimo", null), (order.Status, order.Carrier, order.TrackingNumber));
        Assert.NotNull(order.ShippedAt);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal("shipped", (await bare.Content.ReadFromJsonAsync<OrderDto>())!.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Completed)]
    [InlineData(OrderStatus.Refunded)]
    public async Task Shipping_an_order_that_is_not_paid_is_409(OrderStatus status)
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller, status);

        var response = await sellerClient.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new { carrier = "DHL" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_item_s_seller_ships_the_buyer_and_admins_get_403_strangers_404()
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (buyer, order) = await OrderOf(seller);
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (otherSeller, _) = await _host.SignedInUser(Role.Seller);

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeller.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeller.PostAsJsonAsync($"/api/orders/{ShopIds.New()}/ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSeller.PostAsJsonAsync("/api/orders/not%20an%20id/ship", new { })).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.Status);
    }

    [Theory]
    [InlineData("{\"carrier\": 12}")]
    [InlineData("{\"trackingNumber\": true}")]
    [InlineData("{\"carrier\": ")]
    [InlineData("[]")]
    public async Task Malformed_shipping_details_are_400(string body)
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller);

        var response = await sellerClient.PostAsync($"/api/orders/{order.Id}/ship", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.Status);
    }

    [Fact]
    public async Task Shipping_details_over_100_characters_are_400_naming_the_field()
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller);

        var response = await sellerClient.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new { carrier = new string('c', 101), trackingNumber = new string('t', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        Assert.Equal(["carrier", "trackingNumber"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task The_buyer_confirms_receipt_of_a_shipped_order_and_again_changes_nothing()
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (buyer, order) = await OrderOf(seller, OrderStatus.Shipped);

        var response = await buyer.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null);
        var again = await buyer.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = (await response.Content.ReadFromJsonAsync<OrderDto>())!;
        Assert.Equal("completed", completed.Status);
        Assert.NotNull(completed.CompletedAt);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(completed.CompletedAt, (await again.Content.ReadFromJsonAsync<OrderDto>())!.CompletedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Confirming_receipt_of_an_order_that_was_not_shipped_is_409(OrderStatus status)
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (buyer, order) = await OrderOf(seller, status);

        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null)).StatusCode);
    }

    [Fact]
    public async Task Only_the_buyer_confirms_receipt_the_seller_and_admins_get_403_strangers_404()
    {
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller, OrderStatus.Shipped);
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (stranger, _) = await _host.SignedInUser();

        Assert.Equal(HttpStatusCode.Forbidden, (await sellerClient.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/orders/{order.Id}/confirm-receipt", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PostAsync($"/api/orders/{order.Id}/confirm-receipt", null)).StatusCode);
        Assert.Equal(OrderStatus.Shipped, (await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.Status);
    }

    [Fact]
    public async Task Admins_list_every_order_newest_first_and_filter_by_status()
    {
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (_, shipped) = await OrderOf(seller, OrderStatus.Shipped);
        var (_, refunded) = await OrderOf(seller, OrderStatus.Refunded);

        var all = await admin.GetAsync("/api/admin/orders?pageSize=100");
        var onlyShipped = (await admin.GetFromJsonAsync<List<OrderDto>>("/api/admin/orders?status=SHIPPED&pageSize=100"))!;

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var everything = (await all.Content.ReadFromJsonAsync<List<OrderDto>>())!;
        Assert.True(int.Parse(all.Headers.GetValues("X-Total-Count").Single()) >= 2);
        Assert.True(everything.FindIndex(o => o.Id == refunded.Id) < everything.FindIndex(o => o.Id == shipped.Id));
        Assert.All(onlyShipped, o => Assert.Equal("shipped", o.Status));
        Assert.Contains(onlyShipped, o => o.Id == shipped.Id);
        Assert.DoesNotContain(onlyShipped, o => o.Id == refunded.Id);
    }

    [Theory]
    [InlineData("status=lost")]
    [InlineData("status=1")]
    [InlineData("page=0")]
    public async Task A_bad_admin_filter_is_400(string query)
    {
        var (admin, _) = await _host.SignedInUser(Role.Admin);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/admin/orders?{query}")).StatusCode);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Shipped)]
    public async Task An_admin_refunds_a_paid_or_shipped_order(OrderStatus status)
    {
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller, status);

        var response = await admin.PostAsync($"/api/admin/orders/{order.Id}/refund", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("refunded", (await response.Content.ReadFromJsonAsync<OrderDto>())!.Status);
        Assert.NotNull((await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.RefundedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Completed)]
    public async Task Refunding_an_order_that_is_neither_paid_nor_shipped_is_409(OrderStatus status)
    {
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var (_, order) = await OrderOf(seller, status);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/orders/{order.Id}/refund", null)).StatusCode);
    }

    [Fact]
    public async Task Refunds_are_for_admins_and_an_unknown_order_is_404()
    {
        var (admin, _) = await _host.SignedInUser(Role.Admin);
        var (sellerClient, seller) = await _host.SignedInUser(Role.Seller);
        var (buyer, order) = await OrderOf(seller);

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync($"/api/admin/orders/{order.Id}/refund", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sellerClient.PostAsync($"/api/admin/orders/{order.Id}/refund", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/orders/{ShopIds.New()}/refund", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/orders/not%20an%20id/refund", null)).StatusCode);
        Assert.Equal(OrderStatus.Paid, (await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.Status);
    }
}
