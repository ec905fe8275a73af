using CollectorShop.Grains;

namespace CollectorShop.Silo.Payments;

/// <summary>Where a buyer goes back to once the payment page is done with them.</summary>
public sealed record CheckoutReturn(string SuccessUrl, string CancelUrl, Uri ImageBase)
{
    /// <summary>Stripe fills this placeholder of the success URL with the session id.</summary>
    public const string SessionIdPlaceholder = "{CHECKOUT_SESSION_ID}";

    /// <summary>FRONTEND_URL when configured, otherwise the shop's own origin (the SPA is served by the silo).</summary>
    public static CheckoutReturn For(string orderId, HttpRequest request, IConfiguration configuration)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        var frontend = (configuration["FRONTEND_URL"] is { Length: > 0 } configured ? configured : origin).TrimEnd('/');
        var order = Uri.EscapeDataString(orderId);
        return new CheckoutReturn(
            $"{frontend}/?payment=success&orderId={order}&session_id={SessionIdPlaceholder}",
            $"{frontend}/?payment=cancel&orderId={order}",
            new Uri(origin + "/"));
    }

    /// <summary>An image path of the shop as an absolute URL; an absolute one stays as it is.</summary>
    public string AbsoluteImage(string image) =>
        Uri.TryCreate(image, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : new Uri(ImageBase, image.TrimStart('/')).ToString();
}

/// <summary>Opens the payment page of a pending order at the configured provider.</summary>
public interface IPaymentSessions
{
    Task<CheckoutSession> Open(Order order, CheckoutReturn returnTo, CancellationToken cancellationToken);
}
