using CollectorShop.Grains;

namespace CollectorShop.Silo.Payments;

/// <summary>
/// Refunds while Stripe is not configured: a development-gateway payment moved no money, so its refund
/// only needs recording. A Stripe payment cannot exist without Stripe configured, so refunding one is refused.
/// </summary>
public sealed class DevGatewayRefunds(ILogger<DevGatewayRefunds> logger) : IPaymentRefunds
{
    public Task Refund(RefundRequest request, CancellationToken cancellationToken)
    {
        if (request.Payment.Provider != PaymentProvider.Dev)
        {
            throw new InvalidOperationException(
                $"Order {request.OrderId} was paid through {request.Payment.Provider}, which is not configured; it cannot be refunded here.");
        }

        logger.LogInformation(
            "Refunded {Amount} EUR of order {OrderId} on the development gateway (session {SessionId}); no money moved",
            request.Amount, request.OrderId, request.Payment.SessionId);
        return Task.CompletedTask;
    }
}
