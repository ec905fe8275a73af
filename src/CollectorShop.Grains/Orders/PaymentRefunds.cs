namespace CollectorShop.Grains;

/// <summary>Gives a buyer's whole payment back.</summary>
[GenerateSerializer, Immutable, Alias("RefundRequest")]
public sealed record RefundRequest(string OrderId, Payment Payment, decimal Amount);

/// <summary>The payment provider's refunds, as the order grain asks for them.</summary>
public interface IPaymentRefunds
{
    /// <summary>Completes once the provider took the refund; throws otherwise. Repeating it for the same order must not refund twice.</summary>
    Task Refund(RefundRequest request, CancellationToken cancellationToken);
}
