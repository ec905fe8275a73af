namespace CollectorShop.Grains;

[GenerateSerializer, Alias("ListingStatus")]
public enum ListingStatus { Pending, Available, Reserved, Sold, Rejected, Withdrawn, Removed }

[GenerateSerializer, Immutable, Alias("PricePoint")]
public sealed record PricePoint(decimal Price, DateTimeOffset Date);

/// <summary>The one live hold on a listing: which order, which buyer, until when.</summary>
[GenerateSerializer, Immutable, Alias("Reservation")]
public sealed record Reservation(string OrderId, string BuyerId, DateTimeOffset Until);

[GenerateSerializer, Immutable, Alias("Listing")]
public sealed record Listing(
    string Id,
    string SellerId,
    string SellerName,
    string Title,
    string Description,
    decimal Price,
    decimal Shipping,
    string CategoryId,
    IReadOnlyList<string> Images,
    string? Location,
    ListingStatus Status,
    IReadOnlyList<PricePoint> PriceHistory,
    string? RejectionReason,
    Reservation? Reservation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A validated new listing.</summary>
[GenerateSerializer, Immutable, Alias("ListingDraft")]
public sealed record ListingDraft(
    string Title,
    string Description,
    decimal Price,
    decimal Shipping,
    string CategoryId,
    IReadOnlyList<string> Images,
    string? Location);

/// <summary>A validated edit: null means "leave as it is".</summary>
[GenerateSerializer, Immutable, Alias("ListingChanges")]
public sealed record ListingChanges(
    string? Title,
    string? Description,
    decimal? Price,
    decimal? Shipping,
    string? CategoryId,
    IReadOnlyList<string>? Images,
    string? Location);

/// <summary>Who asks for a change: the user's id and whether they act as an admin.</summary>
[GenerateSerializer, Immutable, Alias("Actor")]
public sealed record Actor(string UserId, bool IsAdmin);

/// <summary>One listing, keyed by its server-chosen id. The only writer of its status.</summary>
[Alias("IProductGrain")]
public interface IProductGrain : IOutboxGrain
{
    [Alias("Get")] Task<Listing?> Get();

    /// <summary>new → pending; the price history starts with the first price.</summary>
    [Alias("Submit")] Task<Outcome<Listing>> Submit(ListingDraft draft, string sellerId, string sellerName);

    /// <summary>Seller or admin edit; content edits of an available listing send it back to pending.</summary>
    [Alias("Edit")] Task<Outcome<Listing>> Edit(ListingChanges changes, Actor actor);

    [Alias("Approve")] Task<Outcome<Listing>> Approve();

    [Alias("Reject")] Task<Outcome<Listing>> Reject(string? reason);

    /// <summary>The seller withdraws: pending | available | rejected → withdrawn.</summary>
    [Alias("Withdraw")] Task<Outcome<Listing>> Withdraw(Actor actor);

    /// <summary>Admin delete: any state except reserved → removed.</summary>
    [Alias("Remove")] Task<Outcome<Listing>> Remove();

    /// <summary>available → reserved for this order until the given time; Conflict otherwise, Invalid for the seller.</summary>
    [Alias("Reserve")] Task<Outcome<Listing>> Reserve(string orderId, string buyerId, DateTimeOffset until);

    /// <summary>reserved → available, only for the holding order; otherwise a no-op.</summary>
    [Alias("Release")] Task<Listing?> Release(string orderId);

    /// <summary>reserved → sold, only for the holding order; a repeat for that order is a no-op. Conflict for any other order.</summary>
    [Alias("MarkSold")] Task<Outcome<Listing>> MarkSold(string orderId);
}
