using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>POST /api/checkout/session with Stripe configured: what Stripe.net really sends, and that one order opens one session.</summary>
public sealed class StripeCheckoutTests(StripeShop shop) : IClassFixture<StripeShop>
{
    private readonly ShopHost _host = shop.Host;

    [Fact]
    public async Task Checkout_reserves_the_item_and_opens_a_stripe_session_for_exactly_that_order()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, buyerProfile) = await _host.SignedInUser();
        var before = DateTimeOffset.UtcNow;

        var response = await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!;
        var order = (await _host.Grains.GetGrain<IOrderGrain>(opened.OrderId).Get())!;
        Assert.Equal((OrderStatus.Pending, listing.Id, buyerProfile.Id), (order.Status, order.ProductId, order.BuyerId));
        Assert.Equal(ListingStatus.Reserved, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);

        var call = Assert.Single(shop.Stripe.SessionCalls, c => c.Form.GetValueOrDefault("client_reference_id") == order.Id);
        Assert.Equal(new CheckoutSession(PaymentProvider.Stripe, order.Checkout!.SessionId, opened.Url), order.Checkout);
        Assert.StartsWith("https://checkout.stripe.com/c/pay/cs_test_", opened.Url);
        Assert.Equal($"checkout-session-{order.Id}", call.IdempotencyKey);
        Assert.Equal("Bearer sk_test_collector_shop", call.Authorization);
        var form = call.Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("eur", form["currency"]);
        Assert.Equal(buyerProfile.Email, form["customer_email"]);
        Assert.Equal((order.Id, listing.Id, buyerProfile.Id), (form["metadata[orderId]"], form["metadata[productId]"], form["metadata[buyerId]"]));
        Assert.Equal(
            ("1", "eur", "12000", listing.Title, listing.Description, "http://localhost/uploads/poster.jpg"),
            (form["line_items[0][quantity]"], form["line_items[0][price_data][currency]"], form["line_items[0][price_data][unit_amount]"],
             form["line_items[0][price_data][product_data][name]"], form["line_items[0][price_data][product_data][description]"],
             form["line_items[0][price_data][product_data][images][0]"]));
        Assert.Equal(("1", "750", "Shipping"), (form["line_items[1][quantity]"], form["line_items[1][price_data][unit_amount]"], form["line_items[1][price_data][product_data][name]"]));
        Assert.False(form.ContainsKey("line_items[2][quantity]"));
        Assert.Equal($"{StripeShop.FrontendUrl}/?payment=success&orderId={order.Id}&session_id={{CHECKOUT_SESSION_ID}}", form["success_url"]);
        Assert.Equal($"{StripeShop.FrontendUrl}/?payment=cancel&orderId={order.Id}", form["cancel_url"]);

        // Stripe wants at least 30 minutes from its own clock: the reservation's end, or just past it.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expires_at"], CultureInfo.InvariantCulture));
        Assert.True(expiresAt >= before + TimeSpan.FromMinutes(30), $"{expiresAt:O} is less than 30 minutes after {before:O}");
        Assert.InRange(expiresAt, order.ExpiresAt!.Value.AddSeconds(-1), order.ExpiresAt.Value + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_description_over_200_characters_is_shortened_for_stripe()
    {
        var (_, seller) = await _host.SignedInUser(Role.Seller);
        var product = _host.Grains.GetGrain<IProductGrain>(ShopIds.New());
        var description = string.Concat(Enumerable.Repeat("A poster signed by the band. ", 20));
        await product.Submit(new ListingDraft("Signed poster", description, 10m, 0m, "posters", [], null), seller.Id, seller.Name);
        await product.Approve();

        var (_, order, _) = await shop.CheckedOut(product.GetPrimaryKeyString());

        var form = Assert.Single(shop.Stripe.SessionCalls, c => c.Form.GetValueOrDefault("client_reference_id") == order.Id).Form;
        var sent = form["line_items[0][price_data][product_data][description]"];
        Assert.Equal(200, sent.Length);
        Assert.StartsWith(sent[..150], description);
        Assert.False(form.ContainsKey("line_items[0][price_data][product_data][images][0]"));
        Assert.False(form.ContainsKey("line_items[1][quantity]"), "Free shipping needs no shipping line.");
    }

    [Fact]
    public async Task Checking_out_the_same_order_again_returns_its_session_without_opening_another()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, order, _) = await shop.CheckedOut(listing.Id);
        var first = order.Checkout!.Url;

        var again = await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new CheckoutResponse(first, order.Id), await again.Content.ReadFromJsonAsync<CheckoutResponse>());
        Assert.Single(shop.Stripe.SessionCalls, c => c.Form.GetValueOrDefault("client_reference_id") == order.Id);
    }

    [Fact]
    public async Task Concurrent_checkouts_of_one_order_send_one_idempotency_key_and_open_one_session()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var placed = (await (await buyer.PostAsJsonAsync("/api/orders", new { productId = listing.Id })).Content.ReadFromJsonAsync<OrderDto>())!;
        var createdBefore = shop.Stripe.Created;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = placed.Id })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var urls = await Task.WhenAll(responses.Select(async response => (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!.Url));
        Assert.Single(urls.Distinct());
        var calls = shop.Stripe.SessionCalls.Where(c => c.Form.GetValueOrDefault("client_reference_id") == placed.Id).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Equal($"checkout-session-{placed.Id}", call.IdempotencyKey));
        Assert.Equal(urls[0], (await _host.Grains.GetGrain<IOrderGrain>(placed.Id).Get())!.Checkout!.Url);
        Assert.True(shop.Stripe.Created - createdBefore <= 1, "Stripe created more than one session for one order.");
    }

    [Fact]
    public async Task Fifty_buyers_racing_for_one_item_get_one_reservation_and_one_stripe_session()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _host.SignedInUser()));
        var sessionsBefore = shop.Stripe.SessionCalls.Count(c => c.Form.GetValueOrDefault("metadata[productId]") == listing.Id);

        var responses = await Task.WhenAll(buyers.Select(b => b.Client.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = (await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<CheckoutResponse>())!;
        Assert.Equal(sessionsBefore + 1, shop.Stripe.SessionCalls.Count(c => c.Form.GetValueOrDefault("metadata[productId]") == listing.Id));
        var held = (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!;
        Assert.Equal((ListingStatus.Reserved, winner.OrderId), (held.Status, held.Reservation?.OrderId));
    }

    [Fact]
    public async Task Only_the_buyer_may_check_out_an_order_and_only_while_it_is_pending()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (buyer, order, sessionId) = await shop.CheckedOut(listing.Id);
        var (stranger, _) = await _host.SignedInUser();
        var (admin, _) = await _host.SignedInUser(Role.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sellerClient.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_paid"))).StatusCode);
        var paid = await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = order.Id });
        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Contains("paid", await paid.ErrorOf());
    }

    [Fact]
    public async Task Checkout_refuses_what_post_orders_refuses()
    {
        var (sellerClient, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var callsBefore = shop.Stripe.SessionCalls.Count;

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = ShopIds.New() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sellerClient.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = ShopIds.New() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = "not an id!" })).StatusCode);
        await shop.CheckedOut(listing.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id })).StatusCode);
        Assert.Equal(callsBefore + 1, shop.Stripe.SessionCalls.Count);
    }

    [Fact]
    public async Task An_admin_refund_of_a_stripe_payment_goes_through_stripe_once_with_a_key_from_the_order()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);
        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_refund"))).StatusCode);
        var (admin, _) = await _host.SignedInUser(Role.Admin);

        var responses = new[]
        {
            await admin.PostAsync($"/api/admin/orders/{order.Id}/refund", null),
            await admin.PostAsync($"/api/admin/orders/{order.Id}/refund", null),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal("refunded", (await responses[0].Content.ReadFromJsonAsync<OrderDto>())!.Status);
        var refund = Assert.Single(shop.Stripe.RefundCalls, c => c.Form.GetValueOrDefault("metadata[orderId]") == order.Id);
        Assert.Equal(("pi_test_refund", "12750", $"refund-{order.Id}"), (refund.Form["payment_intent"], refund.Form["amount"], refund.IdempotencyKey));
    }

    [Fact]
    public async Task The_development_gateway_does_not_exist_when_stripe_is_configured()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, order, _) = await shop.CheckedOut(listing.Id);
        var devSession = $"dev_{order.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await _host.CreateClient().GetAsync($"/payments/dev/{devSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/{devSession}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/{devSession}/cancel", null)).StatusCode);
        Assert.Equal(OrderStatus.Pending, (await _host.Grains.GetGrain<IOrderGrain>(order.Id).Get())!.Status);
    }
}
