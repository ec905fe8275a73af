namespace CollectorShop.Silo.Payments;

/// <summary>Stripe:SecretKey, Stripe:WebhookSecret and Stripe:ApiBase (a local fake in tests).</summary>
public sealed record StripeSettings(string SecretKey, string WebhookSecret, string? ApiBase);

/// <summary>
/// Which provider takes the shop's payments, decided once at start-up: Stripe when Stripe:SecretKey is set,
/// otherwise the development gateway, which opens only outside Production.
/// </summary>
public sealed record PaymentGateway(StripeSettings? Stripe)
{
    /// <summary>Stripe refuses a Checkout session that expires sooner than this after it is opened.</summary>
    public static readonly TimeSpan StripeShortestSession = TimeSpan.FromMinutes(30);

    public bool DevGatewayOpen(IHostEnvironment environment) => Stripe is null && !environment.IsProduction();

    public static PaymentGateway From(IConfiguration configuration)
    {
        var secretKey = configuration["Stripe:SecretKey"];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            return new PaymentGateway(Stripe: null);
        }

        var webhookSecret = configuration["Stripe:WebhookSecret"];
        if (string.IsNullOrWhiteSpace(webhookSecret))
        {
            throw new InvalidOperationException("Stripe:WebhookSecret is required with Stripe:SecretKey: without it no payment could ever be confirmed.");
        }

        var reservation = TimeSpan.FromMinutes(configuration.GetValue("Checkout:ReservationMinutes", 30d));
        if (reservation < StripeShortestSession)
        {
            throw new InvalidOperationException(
                $"Checkout:ReservationMinutes must be at least {StripeShortestSession.TotalMinutes} with Stripe: a Checkout session cannot end before that.");
        }

        var apiBase = configuration["Stripe:ApiBase"];
        return new PaymentGateway(new StripeSettings(secretKey, webhookSecret, string.IsNullOrWhiteSpace(apiBase) ? null : apiBase));
    }
}
