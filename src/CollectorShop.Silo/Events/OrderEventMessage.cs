using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CollectorShop.Silo.Events;

/// <summary>An order event as it travels (DOMAIN.md "Integration events"), read defensively: the queue may hold anything.</summary>
public sealed record OrderEventMessage(
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    string OrderId,
    string ProductTitle,
    string BuyerId,
    string SellerId,
    decimal TotalPrice)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>False, with the reason, when the body is not JSON or lacks a fact the consumer needs.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, [NotNullWhen(true)] out OrderEventMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(body, Json);
        }
        catch (JsonException exception)
        {
            problem = $"the body is not an order event: {exception.Message}";
            return false;
        }

        if (wire is not
            {
                EventId: { Length: > 0 } eventId,
                Type: { Length: > 0 } type,
                OccurredAt: { } occurredAt,
                OrderId: { Length: > 0 } orderId,
                ProductTitle: { } productTitle,
                BuyerId: { Length: > 0 } buyerId,
                SellerId: { Length: > 0 } sellerId,
                TotalPrice: { } totalPrice,
            })
        {
            problem = "the body lacks eventId, type, occurredAt, orderId, productTitle, buyerId, sellerId or totalPrice";
            return false;
        }

        message = new OrderEventMessage(eventId, type, occurredAt, orderId, productTitle, buyerId, sellerId, totalPrice);
        problem = null;
        return true;
    }

    private sealed record Wire(
        string? EventId,
        string? Type,
        DateTimeOffset? OccurredAt,
        string? OrderId,
        string? ProductTitle,
        string? BuyerId,
        string? SellerId,
        decimal? TotalPrice);
}
