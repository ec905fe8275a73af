using System.Text.Json.Serialization;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;

namespace CollectorShop.Silo.Products;

public sealed record PricePointDto(decimal Price, DateTimeOffset Date);

/// <summary>A listing as the API shows it; the reservation (who holds it, for which order) stays inside the shop.</summary>
public sealed record ProductDto(
    string Id,
    string Title,
    string Description,
    decimal Price,
    decimal Shipping,
    string Image,
    IReadOnlyList<string> Images,
    string CategoryId,
    string Category,
    string SellerId,
    string SellerName,
    decimal? SellerRating,
    int SellerReviews,
    string? Location,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PricePointDto> PriceHistory,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectionReason)
{
    /// <summary>The shop has no reviews yet: no rating (null) from zero reviews.</summary>
    public static ProductDto From(Listing listing) => new(
        Id: listing.Id,
        Title: listing.Title,
        Description: listing.Description,
        Price: listing.Price,
        Shipping: listing.Shipping,
        Image: listing.Images.FirstOrDefault() ?? "",
        Images: listing.Images,
        CategoryId: listing.CategoryId,
        Category: listing.CategoryId,
        SellerId: listing.SellerId,
        SellerName: listing.SellerName,
        SellerRating: null,
        SellerReviews: 0,
        Location: listing.Location,
        Status: WireNames.Of(listing.Status),
        CreatedAt: listing.CreatedAt,
        UpdatedAt: listing.UpdatedAt,
        PriceHistory: [.. listing.PriceHistory.Select(point => new PricePointDto(point.Price, point.Date))],
        RejectionReason: listing.RejectionReason);
}
