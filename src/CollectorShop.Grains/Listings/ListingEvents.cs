using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollectorShop.Grains;

/// <summary>The integration events of a listing: routing key = type; the body carries the listing's facts after the change.</summary>
internal static class ListingEvents
{
    public const string Submitted = "product.submitted";
    public const string Approved = "product.approved";
    public const string Rejected = "product.rejected";
    public const string PriceChanged = "product.price_changed";
    public const string Sold = "product.sold";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The event of the change from <paramref name="before"/> to <paramref name="after"/>: a price change
    /// also names the previous price, a rejection its reason, a sale the order that bought the item.
    /// </summary>
    public static IntegrationEvent Of(string type, Listing? before, Listing after, string? soldToOrderId)
    {
        var eventId = ShopIds.New();
        var body = new Body(
            eventId,
            type,
            after.UpdatedAt,
            after.Id,
            after.SellerId,
            after.Title,
            after.CategoryId,
            after.Price,
            after.Shipping,
            after.Status.ToString().ToLowerInvariant(),
            PreviousPrice: type == PriceChanged ? before?.Price : null,
            RejectionReason: type == Rejected ? after.RejectionReason : null,
            OrderId: type == Sold ? soldToOrderId : null);
        return new IntegrationEvent(eventId, type, JsonSerializer.Serialize(body, Json));
    }

    private sealed record Body(
        string EventId,
        string Type,
        DateTimeOffset OccurredAt,
        string ProductId,
        string SellerId,
        string Title,
        string CategoryId,
        decimal Price,
        decimal Shipping,
        string Status,
        decimal? PreviousPrice,
        string? RejectionReason,
        string? OrderId);
}
