using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>POST /api/payments/stripe/webhook: signed events only, each acted on once, and the grains settle events that arrive out of order.</summary>
public sealed class StripeWebhookTests(StripeShop shop) : IClassFixture<StripeShop>
{
    private readonly ShopHost _host = shop.Host;

    private Task<Order> OrderNow(string id) => _host.Grains.GetGrain<IOrderGrain>(id).Get()!;

    private Task<Listing> ListingNow(string id) => _host.Grains.GetGrain<IProductGrain>(id).Get()!;

    [Fact]
    public async Task A_signed_completed_event_pays_the_order_and_sells_the_item()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_paid"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paid = await OrderNow(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(new Payment(PaymentProvider.Stripe, sessionId, "pi_test_paid"), paid.Payment);
        Assert.NotNull(paid.PaidAt);
        Assert.Equal(ListingStatus.Sold, (await ListingNow(listing.Id)).Status);
    }

    [Fact]
    public async Task A_tampered_body_is_400_and_changes_nothing()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);
        var payload = StripeShop.Completed(order, sessionId, "pi_test_tampered");
        var signature = StripeShop.Signature(payload, StripeShop.WebhookSecret, DateTimeOffset.UtcNow);
        var tampered = payload.Replace("\"paid\"", "\"paid\" ", StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook") { Content = new StringContent(tampered, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Stripe-Signature", await response.ErrorOf());
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }

    [Fact]
    public async Task An_event_signed_with_another_secret_is_400()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_forged"), secret: "whsec_someone_else");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }

    [Fact]
    public async Task An_event_signed_more_than_five_minutes_ago_is_400()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_replayed"), signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }

    [Fact]
    public async Task An_event_without_a_signature_is_400()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_unsigned"), secret: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public async Task A_signed_body_that_is_no_stripe_event_is_a_4xx_not_a_500(string payload)
    {
        var response = await shop.Deliver(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_handled_once()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);
        var eventId = $"evt_{Guid.NewGuid():N}";
        var payload = StripeShop.Completed(order, sessionId, "pi_test_twice", eventId);
        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(payload)).StatusCode);
        var afterFirst = await OrderNow(order.Id);

        var responses = await Task.WhenAll(shop.Deliver(payload), shop.Deliver(payload));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(afterFirst, await OrderNow(order.Id));
        Assert.Equal(1, await shop.TimesRecorded(eventId));
    }

    [Fact]
    public async Task An_expired_session_expires_the_order_and_frees_the_item()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Expired(order, sessionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expired = await OrderNow(order.Id);
        Assert.Equal(OrderStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAt);
        Assert.Equal(ListingStatus.Available, (await ListingNow(listing.Id)).Status);
    }

    [Fact]
    public async Task An_expired_event_of_another_session_leaves_the_order_pending()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, _) = await shop.CheckedOut(listing.Id);

        var response = await shop.Deliver(StripeShop.Expired(order, "cs_test_some_other_session"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }

    [Fact]
    public async Task Expired_arriving_after_completed_leaves_the_order_paid()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_first"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Expired(order, sessionId))).StatusCode);

        Assert.Equal(OrderStatus.Paid, (await OrderNow(order.Id)).Status);
        Assert.Equal(ListingStatus.Sold, (await ListingNow(listing.Id)).Status);
    }

    [Fact]
    public async Task Completed_arriving_after_expired_buys_the_item_if_it_is_still_free()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Expired(order, sessionId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_late"))).StatusCode);

        Assert.Equal(OrderStatus.Paid, (await OrderNow(order.Id)).Status);
        var sold = await ListingNow(listing.Id);
        Assert.Equal(ListingStatus.Sold, sold.Status);
        Assert.DoesNotContain(shop.Stripe.RefundCalls, call => call.Form.GetValueOrDefault("metadata[orderId]") == order.Id);
    }

    [Fact]
    public async Task Completed_arriving_after_the_item_went_to_another_buyer_is_refunded_through_stripe()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);
        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Expired(order, sessionId))).StatusCode);
        var (_, other, _) = await shop.CheckedOut(listing.Id);

        Assert.Equal(HttpStatusCode.OK, (await shop.Deliver(StripeShop.Completed(order, sessionId, "pi_test_too_late"))).StatusCode);

        Assert.Equal(OrderStatus.Refunded, (await OrderNow(order.Id)).Status);
        var refund = Assert.Single(shop.Stripe.RefundCalls, call => call.Form.GetValueOrDefault("metadata[orderId]") == order.Id);
        Assert.Equal(("pi_test_too_late", "12750"), (refund.Form["payment_intent"], refund.Form["amount"]));
        var held = await ListingNow(listing.Id);
        Assert.Equal((ListingStatus.Reserved, other.Id), (held.Status, held.Reservation?.OrderId));
    }

    [Fact]
    public async Task A_payment_racing_the_reservation_expiry_and_a_second_buyer_ends_in_one_consistent_outcome()
    {
        for (var round = 0; round < 5; round++)
        {
            var (_, _, listing) = await _host.SellerWithListing();
            var (_, order, sessionId) = await shop.CheckedOut(listing.Id);
            var (rival, _) = await _host.SignedInUser();
            var grain = _host.Grains.GetGrain<IOrderGrain>(order.Id);

            var payment = shop.Deliver(StripeShop.Completed(order, sessionId, $"pi_test_race_{round}"));
            var expiry = grain.Expire();
            var rivalBuys = Task.Run(async () =>
            {
                await expiry;
                return await rival.PostAsJsonAsync("/api/orders", new { productId = listing.Id });
            });
            await Task.WhenAll(payment, expiry, rivalBuys);

            Assert.Equal(HttpStatusCode.OK, (await payment).StatusCode);
            var settled = await OrderNow(order.Id);
            var item = await ListingNow(listing.Id);
            var rivalResponse = await rivalBuys;
            var refunds = shop.Stripe.RefundCalls.Count(call => call.Form.GetValueOrDefault("metadata[orderId]") == order.Id);
            if (settled.Status == OrderStatus.Paid)
            {
                Assert.Equal(ListingStatus.Sold, item.Status);
                Assert.Equal(HttpStatusCode.Conflict, rivalResponse.StatusCode);
                Assert.Equal(0, refunds);
            }
            else
            {
                Assert.Equal(OrderStatus.Refunded, settled.Status);
                Assert.Equal(HttpStatusCode.Created, rivalResponse.StatusCode);
                var rivalOrder = (await rivalResponse.Content.ReadFromJsonAsync<OrderDto>())!;
                Assert.Equal((ListingStatus.Reserved, rivalOrder.Id), (item.Status, item.Reservation?.OrderId));
                Assert.Equal(1, refunds);
            }
        }
    }

    [Fact]
    public async Task Other_event_types_and_sessions_of_no_order_are_acknowledged_and_ignored()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (_, order, sessionId) = await shop.CheckedOut(listing.Id);

        var other = await shop.Deliver(StripeShop.Event("payment_intent.succeeded", order, sessionId, "pi_test_other", "complete", "paid"));
        var unpaid = await shop.Deliver(StripeShop.Event("checkout.session.completed", order, sessionId, null, "complete", "unpaid"));
        var stranger = await shop.Deliver(StripeShop.Completed(order with { Id = ShopIds.New() }, "cs_test_unknown", "pi_test_unknown"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (other.StatusCode, unpaid.StatusCode, stranger.StatusCode));
        Assert.Equal(OrderStatus.Pending, (await OrderNow(order.Id)).Status);
    }
}
