using CollectorShop.Grains;
using CollectorShop.Silo.Http;

namespace CollectorShop.Silo.Auth;

/// <summary>An account as the API shows it: never the password hash.</summary>
public sealed record UserDto(
    string Id,
    string Name,
    string Email,
    string Role,
    bool Active,
    string? Address,
    string? Phone,
    string? Gender)
{
    public static UserDto From(UserProfile user) =>
        new(user.Id, user.Name, user.Email, ShopAuth.Wire(user.Role), user.Active, user.Address, user.Phone, user.Gender);
}

/// <summary>A user's own seller request, with the admin's answer once there is one.</summary>
public sealed record SellerRequestDto(
    string Id,
    string UserId,
    string Status,
    string? Message,
    string? AdminMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SellerRequestDto From(SellerRequest request) => new(
        request.Id, request.UserId, WireNames.Of(request.Status), request.Message, request.AdminMessage, request.CreatedAt, request.UpdatedAt);
}
