namespace CollectorShop.Grains;

[GenerateSerializer, Alias("OrderStatus")]
public enum OrderStatus { Pending, Paid, Shipped, Completed, Cancelled, Expired, Refunded }

/// <summary>The listing as it was when ordered.</summary>
[GenerateSerializer, Immutable, Alias("ProductSnapshot")]
public sealed record ProductSnapshot(
    string Id,
    string Title,
    string Description,
    string? Image,
    decimal Price,
    decimal Shipping,
    string CategoryId,
    string SellerName);

[GenerateSerializer, Immutable, Alias("Order")]
public sealed record Order(
    string Id,
    string ProductId,
    string BuyerId,
    string BuyerEmail,
    string SellerId,
    OrderStatus Status,
    int Quantity,
    decimal Price,
    decimal Shipping,
    decimal TotalPrice,
    decimal Commission,
    decimal SellerPayout,
    ProductSnapshot Product,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? CompletedAt,
    string? Carrier,
    string? TrackingNumber);

/// <summary>One purchase, keyed by its server-chosen id.</summary>
[Alias("IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<Order?> Get();

    /// <summary>Reserves the product for this order and records it as pending. NotFound unknown product, Conflict not available, Invalid own listing.</summary>
    [Alias("Place")] Task<Outcome<Order>> Place(string productId, string buyerId, string buyerEmail);

    /// <summary>The buyer cancels: pending → cancelled, the item is released.</summary>
    [Alias("Cancel")] Task<Outcome<Order>> Cancel(string buyerId);
}
