using CollectorShop.Grains;
using Stripe;
using Stripe.Checkout;

namespace CollectorShop.Silo.Payments;

/// <summary>A Stripe Checkout session for the order's one item, plus its shipping as a second line item.</summary>
public sealed class StripeCheckout(StripeClient client, TimeProvider time) : IPaymentSessions
{
    private const int DescriptionLimit = 200;

    /// <summary>Room for the clocks of the shop and Stripe to disagree when Stripe checks the shortest session.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    public async Task<CheckoutSession> Open(Order order, CheckoutReturn returnTo, CancellationToken cancellationToken)
    {
        var lineItems = new List<SessionLineItemOptions>
        {
            LineItem(
                order.Product.Title,
                Shorten(order.Product.Description),
                order.Product.Image is { } image ? [returnTo.AbsoluteImage(image)] : null,
                order.Price),
        };
        if (order.Shipping > 0)
        {
            lineItems.Add(LineItem("Shipping", null, null, order.Shipping));
        }

        var options = new SessionCreateOptions
        {
            Mode = "payment",
            Currency = "eur",
            LineItems = lineItems,
            CustomerEmail = order.BuyerEmail,
            ClientReferenceId = order.Id,
            Metadata = new Dictionary<string, string>
            {
                ["orderId"] = order.Id,
                ["productId"] = order.ProductId,
                ["buyerId"] = order.BuyerId,
            },
            ExpiresAt = SessionEnd(order).UtcDateTime,
            SuccessUrl = returnTo.SuccessUrl,
            CancelUrl = returnTo.CancelUrl,
        };
        var session = await new SessionService(client).CreateAsync(
            options, new RequestOptions { IdempotencyKey = $"checkout-session-{order.Id}" }, cancellationToken);
        return new CheckoutSession(PaymentProvider.Stripe, session.Id, session.Url);
    }

    /// <summary>
    /// The reservation's end, unless Stripe would refuse it as too soon (an order placed earlier, or the
    /// moments since it was placed); a payment after the reservation then follows the order's late-payment rule.
    /// </summary>
    private DateTimeOffset SessionEnd(Order order)
    {
        var earliest = time.GetUtcNow() + PaymentGateway.StripeShortestSession + ClockMargin;
        var end = order.ExpiresAt is { } reserved && reserved > earliest ? reserved : earliest;
        return DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(end.ToUnixTimeMilliseconds() / 1000d));
    }

    private static SessionLineItemOptions LineItem(string name, string? description, List<string>? images, decimal euros) => new()
    {
        Quantity = 1,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = "eur",
            UnitAmount = ShopPayments.Cents(euros),
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name, Description = description, Images = images },
        },
    };

    private static string Shorten(string description) =>
        description.Length <= DescriptionLimit ? description : description[..(DescriptionLimit - 1)].TrimEnd() + "…";
}
