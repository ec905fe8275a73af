using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Payments;
using CollectorShop.Silo.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Checkout;

/// <summary>
/// The built-in payment gateway for development: a page with Pay and Cancel, and the two calls behind them,
/// with the same effects as Stripe's completed and expired events. Absent with Stripe, and in Production.
/// </summary>
public static class DevGatewayEndpoints
{
    private static readonly ApiError NoSuchSession = new("Payment session not found.");

    public static IEndpointRouteBuilder MapDevGatewayEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/payments/dev/{sessionId}", Page).WithName("DevGatewayPage").AllowAnonymous();
        var gateway = routes.MapGroup("/api/payments/dev");
        gateway.MapPost("/{sessionId}/complete", Complete).WithName("CompleteDevPayment").RequireAuthorization(ShopPolicies.Active);
        gateway.MapPost("/{sessionId}/cancel", Cancel).WithName("CancelDevPayment").RequireAuthorization(ShopPolicies.Active);
        return routes;
    }

    private static async Task<Results<ContentHttpResult, NotFound<ApiError>>> Page(
        string sessionId, PaymentGateway gateway, IHostEnvironment environment, IGrainFactory grains, IConfiguration configuration, HttpRequest request)
    {
        if (!gateway.DevGatewayOpen(environment) || await OrderOf(sessionId, grains) is not { } order)
        {
            return TypedResults.NotFound(NoSuchSession);
        }

        var returnTo = CheckoutReturn.For(order.Id, request, configuration);
        var html = DevGatewayPage.Render(
            order, sessionId, returnTo.SuccessUrl.Replace(CheckoutReturn.SessionIdPlaceholder, Uri.EscapeDataString(sessionId), StringComparison.Ordinal), returnTo.CancelUrl);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Complete(
        string sessionId, ClaimsPrincipal user, PaymentGateway gateway, IHostEnvironment environment, IGrainFactory grains)
    {
        var found = await BuyersOrder(sessionId, user, gateway, environment, grains);
        if (found is not { Succeeded: true, Value: { } order })
        {
            return NotPayable(found);
        }

        var paid = await grains.GetGrain<IOrderGrain>(order.Id).MarkPaid(new Payment(PaymentProvider.Dev, sessionId, null));
        return paid.ToHttp(OrderDto.From);
    }

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Cancel(
        string sessionId, ClaimsPrincipal user, PaymentGateway gateway, IHostEnvironment environment, IGrainFactory grains)
    {
        var found = await BuyersOrder(sessionId, user, gateway, environment, grains);
        if (found is not { Succeeded: true, Value: { } order })
        {
            return NotPayable(found);
        }

        var cancelled = await grains.GetGrain<IOrderGrain>(order.Id).Cancel(user.UserId());
        return cancelled.ToHttp(OrderDto.From);
    }

    /// <summary>The session's order for its buyer; 404 for a session that does not exist or an order the caller cannot see, 403 for its seller or an admin.</summary>
    private static async Task<Outcome<Order>?> BuyersOrder(
        string sessionId, ClaimsPrincipal user, PaymentGateway gateway, IHostEnvironment environment, IGrainFactory grains)
    {
        if (!gateway.DevGatewayOpen(environment) || await OrderOf(sessionId, grains) is not { } order || !order.IsVisibleTo(user))
        {
            return null;
        }

        return order.BuyerId == user.UserId() ? order : Refuse.Forbidden("Only the buyer can pay for this order or cancel it.");
    }

    private static Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> NotPayable(Outcome<Order>? found) =>
        found?.Refusal is { } refusal ? GrainResults.Refused<Ok<OrderDto>>(refusal) : TypedResults.NotFound(NoSuchSession);

    /// <summary>The order whose development session this is; null for anything else.</summary>
    private static async Task<Order?> OrderOf(string sessionId, IGrainFactory grains)
    {
        if (DevGatewayCheckout.OrderIdOf(sessionId) is not { } orderId || !ListingIds.CanExist(orderId))
        {
            return null;
        }

        var order = await grains.GetGrain<IOrderGrain>(orderId).Get();
        return order?.Checkout is { Provider: PaymentProvider.Dev } session && session.SessionId == sessionId ? order : null;
    }
}
