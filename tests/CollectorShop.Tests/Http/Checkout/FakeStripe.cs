using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>What Stripe.net sent: the form fields as Stripe reads them (line_items[0][price_data][unit_amount]) and the headers that matter.</summary>
public sealed record StripeCall(string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

/// <summary>
/// The two Stripe endpoints the shop calls, on loopback: it records every request and answers like Stripe,
/// including idempotency (a repeated Idempotency-Key gets the first answer back, and creates nothing).
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly ConcurrentQueue<StripeCall> _calls = new();
    private readonly ConcurrentDictionary<string, Lazy<string>> _answers = new();
    private readonly WebApplication _app;
    private int _created;

    private FakeStripe(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<StripeCall> Calls(string path) => [.. _calls.Where(call => call.Path == path)];

    public IReadOnlyList<StripeCall> SessionCalls => Calls("/v1/checkout/sessions");

    public IReadOnlyList<StripeCall> RefundCalls => Calls("/v1/refunds");

    /// <summary>While set, checkout sessions are refused as Stripe refuses an invalid request.</summary>
    public bool RefusesSessions { get; set; }

    /// <summary>Objects really created: checkout sessions and refunds, not replays of an idempotency key.</summary>
    public int Created => Volatile.Read(ref _created);

    public static async Task<FakeStripe> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.MapPost("/v1/checkout/sessions", context => fake.Answer(context, Session));
        app.MapPost("/v1/refunds", context => fake.Answer(context, Refund));
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Answer(HttpContext context, Func<string, IReadOnlyDictionary<string, string>, JsonObject> create)
    {
        var form = (await context.Request.ReadFormAsync()).ToDictionary(field => field.Key, field => field.Value.ToString());
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        _calls.Enqueue(new StripeCall(context.Request.Path, form, key, context.Request.Headers.Authorization.FirstOrDefault()));
        if (RefusesSessions && context.Request.Path == "/v1/checkout/sessions")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = new { type = "invalid_request_error", message = "The test refuses this session.", param = "expires_at" } });
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var answer = key is null
            ? Creating(() => create(id, form))
            : _answers.GetOrAdd($"{context.Request.Path}|{key}", _ => new Lazy<string>(() => Creating(() => create(id, form)))).Value;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = $"req_{id}";
        await context.Response.WriteAsync(answer);
    }

    private string Creating(Func<JsonObject> create)
    {
        Interlocked.Increment(ref _created);
        return create().ToJsonString();
    }

    private static JsonObject Session(string id, IReadOnlyDictionary<string, string> form)
    {
        var total = form.Where(field => field.Key.EndsWith("[price_data][unit_amount]", StringComparison.Ordinal)).Sum(field => long.Parse(field.Value, CultureInfo.InvariantCulture));
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(field => field.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }

        return new JsonObject
        {
            ["id"] = $"cs_test_{id}",
            ["object"] = "checkout.session",
            ["amount_subtotal"] = total,
            ["amount_total"] = total,
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = form.GetValueOrDefault("currency"),
            ["customer_email"] = form.GetValueOrDefault("customer_email"),
            ["expires_at"] = long.Parse(form["expires_at"], CultureInfo.InvariantCulture),
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["mode"] = form.GetValueOrDefault("mode"),
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["url"] = $"https://checkout.stripe.com/c/pay/cs_test_{id}",
        };
    }

    private static JsonObject Refund(string id, IReadOnlyDictionary<string, string> form) => new()
    {
        ["id"] = $"re_{id}",
        ["object"] = "refund",
        ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["currency"] = "eur",
        ["metadata"] = new JsonObject { ["orderId"] = form.GetValueOrDefault("metadata[orderId]") },
        ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
        ["status"] = "succeeded",
    };
}
