using CollectorShop.Grains;
using CollectorShop.Silo.Http;

namespace CollectorShop.Silo.Orders;

/// <summary>The listing as it was when ordered, so an order still shows what was bought after the listing changed.</summary>
public sealed record OrderProductDto(
    string Id,
    string Title,
    string Description,
    string? Image,
    decimal Price,
    decimal Shipping,
    string CategoryId,
    string SellerName);

/// <summary>An order as its buyer, its seller and admins see it; times are UTC.</summary>
public sealed record OrderDto(
    string Id,
    string ProductId,
    string BuyerId,
    string SellerId,
    string Status,
    int Quantity,
    decimal Price,
    decimal Shipping,
    decimal TotalPrice,
    decimal Commission,
    decimal SellerPayout,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? CompletedAt,
    string? Carrier,
    string? TrackingNumber,
    OrderProductDto Product)
{
    public static OrderDto From(Order order) => new(
        order.Id,
        order.ProductId,
        order.BuyerId,
        order.SellerId,
        WireNames.Of(order.Status),
        order.Quantity,
        order.Price,
        order.Shipping,
        order.TotalPrice,
        order.Commission,
        order.SellerPayout,
        order.CreatedAt,
        order.UpdatedAt,
        order.ExpiresAt,
        order.PaidAt,
        order.ShippedAt,
        order.CompletedAt,
        order.Carrier,
        order.TrackingNumber,
        new OrderProductDto(
            order.Product.Id,
            order.Product.Title,
            order.Product.Description,
            order.Product.Image,
            order.Product.Price,
            order.Product.Shipping,
            order.Product.CategoryId,
            order.Product.SellerName));
}
