using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Payments;
using CollectorShop.Silo.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Stripe;

namespace CollectorShop.Silo.Checkout;

/// <summary>Exactly one of the two: a listing to reserve now, or the caller's pending order to pay.</summary>
public sealed record CheckoutRequest(string? ProductId, string? OrderId);

/// <summary>Where the buyer pays, and the order being paid.</summary>
public sealed record CheckoutResponse(string Url, string OrderId);

/// <summary>Opening the payment page of a purchase: Stripe Checkout, or the development gateway.</summary>
public static class CheckoutEndpoints
{
    private static readonly ApiError NoSuchOrder = new("Order not found.");

    public static IEndpointRouteBuilder MapCheckoutEndpoints(this IEndpointRouteBuilder routes)
    {
        var checkout = routes.MapGroup("/api/checkout");
        checkout.MapPost("/session", Open).WithName("OpenCheckoutSession").RequireAuthorization(ShopPolicies.Active);
        return routes;
    }

    private static async Task<Results<Ok<CheckoutResponse>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Open(
        CheckoutRequest request,
        ClaimsPrincipal user,
        IGrainFactory grains,
        IPaymentSessions sessions,
        IConfiguration configuration,
        HttpRequest http,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var hasProduct = !string.IsNullOrWhiteSpace(request.ProductId);
        var hasOrder = !string.IsNullOrWhiteSpace(request.OrderId);
        if (hasProduct == hasOrder)
        {
            var errors = new FieldErrors();
            var message = hasProduct ? "Send productId or orderId, not both." : "productId or orderId is required.";
            errors.Add("productId", message);
            errors.Add("orderId", message);
            return errors.ToBadRequest();
        }

        var buyerId = user.UserId();
        Outcome<Order> held;
        if (hasProduct)
        {
            var email = user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? throw new InvalidOperationException("The signed-in user has no email claim.");
            held = await grains.GetGrain<IOrderGrain>(ShopIds.New()).Place(request.ProductId!, buyerId, email);
        }
        else if (!ListingIds.CanExist(request.OrderId!) || await grains.GetGrain<IOrderGrain>(request.OrderId!).Get() is not { } existing || !existing.IsVisibleTo(user))
        {
            return TypedResults.NotFound(NoSuchOrder);
        }
        else
        {
            held = await grains.GetGrain<IOrderGrain>(existing.Id).PayableBy(buyerId);
        }

        if (held.Refusal is { } refusal)
        {
            return GrainResults.Refused<Ok<CheckoutResponse>>(refusal);
        }

        var order = held.Value!;
        if (order.Checkout is { } opened)
        {
            return TypedResults.Ok(new CheckoutResponse(opened.Url, order.Id));
        }

        var grain = grains.GetGrain<IOrderGrain>(order.Id);
        CheckoutSession session;
        try
        {
            session = await sessions.Open(order, CheckoutReturn.For(order.Id, http, configuration), cancellationToken);
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException)
        {
            loggers.CreateLogger(typeof(CheckoutEndpoints)).LogError(exception, "Stripe did not open a Checkout session for order {OrderId}", order.Id);
            // A buyer who retries with the product would find it held by this very order.
            if (hasProduct)
            {
                await grain.Cancel(buyerId);
            }

            return TypedResults.Json(
                new ApiError("The payment provider could not open a payment page; please try again."), statusCode: StatusCodes.Status502BadGateway);
        }

        var attached = await grain.AttachCheckout(buyerId, session);
        return attached.Refusal is { } late
            ? GrainResults.Refused<Ok<CheckoutResponse>>(late)
            : TypedResults.Ok(new CheckoutResponse(attached.Value!.Checkout!.Url, order.Id));
    }
}
