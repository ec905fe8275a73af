using CollectorShop.Grains;
using Stripe;

namespace CollectorShop.Silo.Payments;

/// <summary>Refunds through Stripe's refund API; a development-gateway payment made before Stripe was configured moved no money.</summary>
public sealed class StripeRefunds(StripeClient client, DevGatewayRefunds devGateway, ILogger<StripeRefunds> logger) : IPaymentRefunds
{
    public async Task Refund(RefundRequest request, CancellationToken cancellationToken)
    {
        if (request.Payment.Provider == PaymentProvider.Dev)
        {
            await devGateway.Refund(request, cancellationToken);
            return;
        }

        var paymentIntent = request.Payment.PaymentIntentId
            ?? throw new InvalidOperationException($"Order {request.OrderId} was paid through Stripe without a payment intent; it cannot be refunded.");
        var refund = await new RefundService(client).CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = paymentIntent,
                Amount = ShopPayments.Cents(request.Amount),
                Metadata = new Dictionary<string, string> { ["orderId"] = request.OrderId },
            },
            new RequestOptions { IdempotencyKey = $"refund-{request.OrderId}" },
            cancellationToken);
        logger.LogInformation(
            "Refunded {Amount} EUR of order {OrderId} through Stripe (refund {RefundId}, status {Status})",
            request.Amount, request.OrderId, refund.Id, refund.Status);
    }
}
