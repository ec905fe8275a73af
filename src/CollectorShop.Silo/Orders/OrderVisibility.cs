using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;

namespace CollectorShop.Silo.Orders;

/// <summary>An order exists only for its buyer, its seller and admins; anyone else gets a 404, not a 403.</summary>
public static class OrderVisibility
{
    public static bool IsVisibleTo(this Order order, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        return order.BuyerId == userId || order.SellerId == userId || user.IsAdmin();
    }
}
