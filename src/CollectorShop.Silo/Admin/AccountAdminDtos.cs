using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;

namespace CollectorShop.Silo.Admin;

/// <summary>An account as the admin screens list it beside a decision.</summary>
public sealed record AccountSummary(string Id, string Name, string Email, string Role, bool Active)
{
    public static AccountSummary From(UserProfile user) => new(user.Id, user.Name, user.Email, ShopAuth.Wire(user.Role), user.Active);
}

public sealed record AccountRole(string Id, string Name, string Email, string Role)
{
    public static AccountRole From(UserProfile user) => new(user.Id, user.Name, user.Email, ShopAuth.Wire(user.Role));
}

/// <summary>A seller request in the admin's queue, with the account that asked.</summary>
public sealed record SellerRequestReview(
    string Id,
    string UserId,
    string Status,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AccountSummary User)
{
    public static SellerRequestReview From(SellerRequest request, UserProfile user) => new(
        request.Id, request.UserId, WireNames.Of(request.Status), request.Message, request.CreatedAt, request.UpdatedAt, AccountSummary.From(user));
}

public sealed record UserPage(int Total, int Page, int PageSize, IReadOnlyList<UserDto> Items);

public sealed record DecisionBody(string? Message);

public sealed record ActiveBody(bool? Active);

public sealed record RoleBody(string? Role);

/// <summary>The original API's answer to a seller-request decision.</summary>
public sealed record Decided(bool Ok);
