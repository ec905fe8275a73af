using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using Microsoft.AspNetCore.Authorization;

namespace CollectorShop.Silo.Products;

/// <summary>Who is looking at listings: an active account, or the public (anonymous or not active right now).</summary>
public sealed record Viewer(string? UserId, bool IsAdmin)
{
    /// <summary>What anyone may browse without asking for anything else.</summary>
    public static readonly IReadOnlyCollection<ListingStatus> PublicStatuses = [ListingStatus.Available, ListingStatus.Reserved];

    private static readonly Viewer Public = new(null, false);

    public bool IsSignedIn => UserId is not null;

    public static async Task<Viewer> Of(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Public;
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var active = await authorization.AuthorizeAsync(user, ShopPolicies.Active);
        return active.Succeeded ? new Viewer(user.UserId(), user.IsAdmin()) : Public;
    }

    /// <summary>Sold stays visible because orders link to it; the other statuses belong to the seller and the admins.</summary>
    public bool CanSee(Listing listing) =>
        listing.Status is ListingStatus.Available or ListingStatus.Reserved or ListingStatus.Sold
        || IsAdmin
        || listing.SellerId == UserId;

    public bool Owns(string? sellerId) => IsSignedIn && sellerId == UserId;
}
