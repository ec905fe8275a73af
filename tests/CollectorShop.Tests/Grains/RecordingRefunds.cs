using System.Collections.Concurrent;
using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

/// <summary>A payment provider that keeps every refund it took.</summary>
public sealed class RecordingRefunds : IPaymentRefunds
{
    private readonly ConcurrentQueue<RefundRequest> taken = new();

    public Task Refund(RefundRequest request, CancellationToken cancellationToken)
    {
        taken.Enqueue(request);
        return Task.CompletedTask;
    }

    public IReadOnlyList<RefundRequest> Of(string orderId) => [.. taken.Where(refund => refund.OrderId == orderId)];
}
