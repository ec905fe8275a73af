using System.Globalization;
using System.Net;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;

namespace CollectorShop.Silo.Checkout;

/// <summary>The development gateway's one page: what is bought, the total, and Pay / Cancel on behalf of the signed-in buyer.</summary>
public static class DevGatewayPage
{
    /// <summary>Where the SPA keeps the buyer's JWT; the page acts with the same token.</summary>
    public const string TokenKey = "collector-shop.token";

    public static string Render(Order order, string sessionId, string successUrl, string cancelUrl)
    {
        var title = WebUtility.HtmlEncode(order.Product.Title);
        var image = order.Product.Image is { } path && path.StartsWith('/')
            ? $"""<img src="{WebUtility.HtmlEncode(path)}" alt="{title}" width="96" height="96">"""
            : "";
        var actions = order.Status == OrderStatus.Pending
            ? """
              <div class="actions">
                <button type="button" id="pay" class="pay">Pay</button>
                <button type="button" id="cancel" class="cancel">Cancel</button>
              </div>
              """
            : $"""<p>This order is {WebUtility.HtmlEncode(WireNames.Of(order.Status))}; there is nothing left to pay.</p>""";
        var script = JsonSerializer.Serialize(new
        {
            tokenKey = TokenKey,
            complete = $"/api/payments/dev/{Uri.EscapeDataString(sessionId)}/complete",
            cancel = $"/api/payments/dev/{Uri.EscapeDataString(sessionId)}/cancel",
            successUrl,
            cancelUrl,
        }).Replace("<", "\\u003c", StringComparison.Ordinal);

        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Pay for {{title}} — development gateway</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f4f5; color: #18181b; margin: 0; padding: 2rem 1rem; }
              main { max-width: 28rem; margin: 0 auto; background: #fff; border-radius: 0.75rem; padding: 1.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
              h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
              .note { color: #52525b; font-size: 0.875rem; margin: 0 0 1.25rem; }
              .item { display: flex; gap: 1rem; align-items: center; }
              .item img { border-radius: 0.5rem; object-fit: cover; }
              dl { display: grid; grid-template-columns: 1fr auto; gap: 0.25rem 1rem; margin: 1.25rem 0; }
              dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
              .total { font-weight: 700; }
              .actions { display: flex; gap: 0.75rem; }
              button { flex: 1; font: inherit; font-weight: 600; padding: 0.75rem; border-radius: 0.5rem; border: 2px solid transparent; cursor: pointer; }
              button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
              button:disabled { opacity: 0.6; cursor: progress; }
              .pay { background: #15803d; color: #fff; }
              .cancel { background: #fff; color: #18181b; border-color: #a1a1aa; }
              [role="alert"]:empty { display: none; }
              [role="alert"] { color: #b91c1c; margin-top: 1rem; }
            </style>
            </head>
            <body>
            <main>
              <h1>Development payment</h1>
              <p class="note">No money moves: this gateway stands in for Stripe while it is not configured.</p>
              <div class="item">
                {{image}}
                <p><strong>{{title}}</strong><br>Order {{WebUtility.HtmlEncode(order.Id)}}</p>
              </div>
              <dl>
                <dt>Item</dt><dd>{{Euros(order.Price)}}</dd>
                <dt>Shipping</dt><dd>{{Euros(order.Shipping)}}</dd>
                <dt class="total">Total</dt><dd class="total">{{Euros(order.TotalPrice)}}</dd>
              </dl>
              {{actions}}
              <p role="alert" id="problem"></p>
            </main>
            <script>
            const gateway = {{script}};
            const problem = document.getElementById("problem");
            async function act(url, next) {
              const token = localStorage.getItem(gateway.tokenKey);
              if (!token) {
                problem.textContent = "Sign in to the shop in this browser first.";
                return;
              }
              document.querySelectorAll("button").forEach(button => button.disabled = true);
              try {
                const response = await fetch(url, { method: "POST", headers: { Authorization: "Bearer " + token } });
                if (response.ok) {
                  location.assign(next);
                  return;
                }
                const body = await response.json().catch(() => null);
                problem.textContent = body?.error ?? "The payment could not be completed (" + response.status + ").";
              } catch {
                problem.textContent = "The shop could not be reached; please try again.";
              }
              document.querySelectorAll("button").forEach(button => button.disabled = false);
            }
            document.getElementById("pay")?.addEventListener("click", () => act(gateway.complete, gateway.successUrl));
            document.getElementById("cancel")?.addEventListener("click", () => act(gateway.cancel, gateway.cancelUrl));
            </script>
            </body>
            </html>
            """;
    }

    private static string Euros(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " €";
}
