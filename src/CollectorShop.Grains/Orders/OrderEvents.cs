using System.Text.Json;

namespace CollectorShop.Grains;

/// <summary>The integration events of an order: routing key = type, and the body DOMAIN.md lists.</summary>
internal static class OrderEvents
{
    public const string Created = "order.created";
    public const string Paid = "order.paid";
    public const string Shipped = "order.shipped";
    public const string Completed = "order.completed";
    public const string Cancelled = "order.cancelled";
    public const string Expired = "order.expired";
    public const string Refunded = "order.refunded";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event of the transition that produced <paramref name="order"/>, at its UpdatedAt.</summary>
    public static IntegrationEvent Of(string type, Order order)
    {
        var eventId = ShopIds.New();
        var body = new Body(
            eventId,
            type,
            order.UpdatedAt,
            order.Id,
            order.ProductId,
            order.Product.Title,
            order.BuyerId,
            order.BuyerEmail,
            order.SellerId,
            order.TotalPrice,
            order.Quantity,
            order.Status.ToString().ToLowerInvariant(),
            order.CreatedAt);
        return new IntegrationEvent(eventId, type, JsonSerializer.Serialize(body, Json));
    }

    private sealed record Body(
        string EventId,
        string Type,
        DateTimeOffset OccurredAt,
        string OrderId,
        string ProductId,
        string ProductTitle,
        string BuyerId,
        string BuyerEmail,
        string SellerId,
        decimal TotalPrice,
        int Quantity,
        string Status,
        DateTimeOffset CreatedAt);
}
