using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CollectorShop.Grains;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>A shop with Stripe configured against <see cref="FakeStripe"/>, shared by a test class.</summary>
public sealed class StripeShop : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_collector_shop";
    public const string FrontendUrl = "https://shop.example";

    public FakeStripe Stripe { get; private set; } = null!;

    public ShopHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripe.Start();
        Host = new ShopHost(settings: new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_collector_shop",
            ["Stripe:WebhookSecret"] = WebhookSecret,
            ["Stripe:ApiBase"] = Stripe.Url,
            ["FRONTEND_URL"] = FrontendUrl,
        });
        _ = Host.Services;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAndDelete();
        await Stripe.DisposeAsync();
    }

    /// <summary>A buyer's order opened through POST /api/checkout/session, with the Stripe session the shop remembered.</summary>
    public async Task<(HttpClient Buyer, Order Order, string SessionId)> CheckedOut(string productId)
    {
        var (buyer, _) = await Host.SignedInUser();
        var response = await buyer.PostAsJsonAsync("/api/checkout/session", new { productId });
        response.EnsureSuccessStatusCode();
        var opened = (await response.Content.ReadFromJsonAsync<CheckoutResponse>())!;
        var order = (await Host.Grains.GetGrain<IOrderGrain>(opened.OrderId).Get())!;
        return (buyer, order, order.Checkout!.SessionId);
    }

    /// <summary>Posts a Stripe event about a session to the webhook, signed as Stripe signs it.</summary>
    public Task<HttpResponseMessage> Deliver(string payload, string? secret = WebhookSecret, DateTimeOffset? signedAt = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("Stripe-Signature", Signature(payload, secret, signedAt ?? DateTimeOffset.UtcNow));
        }

        return Host.CreateClient().SendAsync(request);
    }

    /// <summary>Stripe's scheme: HMAC-SHA256 of "{timestamp}.{payload}" with the endpoint's secret, sent as t=…,v1=….</summary>
    public static string Signature(string payload, string secret, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string Completed(Order order, string sessionId, string paymentIntentId, string? eventId = null) =>
        Event(EventTypes.CheckoutSessionCompleted, order, sessionId, paymentIntentId, "complete", "paid", eventId);

    public static string Expired(Order order, string sessionId, string? eventId = null) =>
        Event(EventTypes.CheckoutSessionExpired, order, sessionId, null, "expired", "unpaid", eventId);

    /// <summary>A Stripe event as Stripe sends it, with the session fields the shop reads.</summary>
    public static string Event(string type, Order order, string sessionId, string? paymentIntentId, string status, string paymentStatus, string? eventId = null) =>
        new JsonObject
        {
            ["id"] = eventId ?? $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["amount_total"] = (long)(order.TotalPrice * 100),
                    ["client_reference_id"] = order.Id,
                    ["currency"] = "eur",
                    ["customer_email"] = order.BuyerEmail,
                    ["metadata"] = new JsonObject { ["orderId"] = order.Id, ["productId"] = order.ProductId, ["buyerId"] = order.BuyerId },
                    ["mode"] = "payment",
                    ["payment_intent"] = paymentIntentId,
                    ["payment_status"] = paymentStatus,
                    ["status"] = status,
                },
            },
        }.ToJsonString();

    /// <summary>How many times the shop recorded the event as handled.</summary>
    public async Task<int> TimesRecorded(string eventId)
    {
        await using var connection = await Host.Services.GetRequiredService<ShopDatabase>().Open();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM stripe_events WHERE event_id = @eventId", new { eventId });
    }
}
