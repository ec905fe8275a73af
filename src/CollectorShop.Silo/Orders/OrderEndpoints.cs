using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CollectorShop.Silo.Orders;

/// <summary>A buy request; every listing is one unique item, so quantity may only be 1.</summary>
public sealed record PlaceOrderRequest(string? ProductId, int? Quantity);

/// <summary>Buying an item, the buyer's purchases, one order, and cancelling it while unpaid.</summary>
public static class OrderEndpoints
{
    private static readonly ApiError NoSuchOrder = new("Order not found.");

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/orders");
        orders.MapPost("/", Place).WithName("PlaceOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapGet("/", Purchases).WithName("ListMyOrders").RequireAuthorization(ShopPolicies.Active);
        orders.MapGet("/{id}", Get).WithName("GetOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").RequireAuthorization(ShopPolicies.Active);
        return routes;
    }

    private static async Task<Results<Created<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Place(
        PlaceOrderRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            errors.Add("productId", "productId is required.");
        }

        if (request.Quantity is { } quantity && quantity != 1)
        {
            errors.Add("quantity", "Every listing is one unique item, so quantity can only be 1.");
        }

        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var email = user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? throw new InvalidOperationException("The signed-in user has no email claim.");
        var placed = await grains.GetGrain<IOrderGrain>(ShopIds.New()).Place(request.ProductId!, user.UserId(), email);
        return placed.ToCreated(order => $"/api/orders/{order.Id}", OrderDto.From);
    }

    /// <summary>The caller's purchases, newest first.</summary>
    private static async Task<Results<Ok<List<OrderDto>>, BadRequest<ApiError>>> Purchases(
        int? page, int? pageSize, ClaimsPrincipal user, ShopReadModel readModel, HttpResponse response)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Parse(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var found = await readModel.Orders(buyerId: user.UserId(), sellerId: null, status: null, paging.Page, paging.PageSize);
        response.SetTotalCount(found.Total);
        return TypedResults.Ok(found.Items.Select(OrderDto.From).ToList());
    }

    private static async Task<Results<Ok<OrderDto>, NotFound<ApiError>>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var order = await grains.GetGrain<IOrderGrain>(id).Get();
        return order is not null && order.IsVisibleTo(user)
            ? TypedResults.Ok(OrderDto.From(order))
            : TypedResults.NotFound(NoSuchOrder);
    }

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Cancel(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IOrderGrain>(id);
        if (await grain.Get() is not { } order || !order.IsVisibleTo(user))
        {
            return TypedResults.NotFound(NoSuchOrder);
        }

        var cancelled = await grain.Cancel(user.UserId());
        return cancelled.ToHttp(OrderDto.From);
    }
}
