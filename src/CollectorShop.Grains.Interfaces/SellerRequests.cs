namespace CollectorShop.Grains;

[GenerateSerializer, Alias("SellerRequestStatus")]
public enum SellerRequestStatus { Pending, Approved, Rejected }

[GenerateSerializer, Immutable, Alias("SellerRequest")]
public sealed record SellerRequest(
    string Id,
    string UserId,
    SellerRequestStatus Status,
    string? Message,
    string? AdminMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

[Alias("ISellerRequestGrain")]
public interface ISellerRequestGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<SellerRequest?> Get();

    /// <summary>Creates the request, or re-opens an approved/rejected one as pending with the new message (only the user grain calls this).</summary>
    [Alias("Open")] Task<SellerRequest> Open(string userId, string? message);

    /// <summary>pending → approved; makes the user a seller.</summary>
    [Alias("Approve")] Task<Outcome<SellerRequest>> Approve();

    /// <summary>pending → rejected, with the admin's optional message.</summary>
    [Alias("Reject")] Task<Outcome<SellerRequest>> Reject(string? message);
}
