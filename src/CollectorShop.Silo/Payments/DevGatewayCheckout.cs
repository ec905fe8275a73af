using CollectorShop.Grains;

namespace CollectorShop.Silo.Payments;

/// <summary>The built-in gateway's session of an order: one per order, its page under /payments/dev.</summary>
public sealed class DevGatewayCheckout : IPaymentSessions
{
    private const string Prefix = "dev_";

    public Task<CheckoutSession> Open(Order order, CheckoutReturn returnTo, CancellationToken cancellationToken)
    {
        var sessionId = Prefix + order.Id;
        return Task.FromResult(new CheckoutSession(PaymentProvider.Dev, sessionId, $"/payments/dev/{sessionId}"));
    }

    /// <summary>The order a development session id names, or null when it names none.</summary>
    public static string? OrderIdOf(string sessionId) =>
        sessionId.StartsWith(Prefix, StringComparison.Ordinal) && sessionId.Length > Prefix.Length ? sessionId[Prefix.Length..] : null;
}
