using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using CollectorShop.Silo.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CollectorShop.Silo.Orders;

/// <summary>A buy request; every listing is one unique item, so quantity may only be 1.</summary>
public sealed record PlaceOrderRequest(string? ProductId, int? Quantity);

/// <summary>How a seller sent the item; both optional.</summary>
public sealed record ShipRequest(string? Carrier, string? TrackingNumber);

/// <summary>Buying an item, the buyer's purchases, one order, cancelling it while unpaid, and its way to the buyer: shipping, receipt, refund.</summary>
public static class OrderEndpoints
{
    private static readonly ApiError NoSuchOrder = new("Order not found.");

    private const int ShippingFieldLimit = 100;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/orders");
        orders.MapPost("/", Place).WithName("PlaceOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapGet("/", Purchases).WithName("ListMyOrders").RequireAuthorization(ShopPolicies.Active);
        orders.MapGet("/{id}", Get).WithName("GetOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapPost("/{id}/ship", Ship).WithName("ShipOrder").RequireAuthorization(ShopPolicies.Active);
        orders.MapPost("/{id}/confirm-receipt", ConfirmReceipt).WithName("ConfirmOrderReceipt").RequireAuthorization(ShopPolicies.Active);

        var sales = routes.MapGroup("/api/seller/orders");
        sales.MapGet("/", Sales).WithName("ListMySales").RequireAuthorization(ShopPolicies.Seller);

        var admin = routes.MapGroup("/api/admin/orders");
        admin.MapGet("/", AllOrders).WithName("ListAllOrders").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPost("/{id}/refund", Refund).WithName("RefundOrder").RequireAuthorization(ShopPolicies.Admin);
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

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Ship(
        string id, ShipRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var carrier = Optional(request?.Carrier, "carrier", errors);
        var trackingNumber = Optional(request?.TrackingNumber, "trackingNumber", errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        if (await VisibleOrder(id, user, grains) is not { } grain)
        {
            return TypedResults.NotFound(NoSuchOrder);
        }

        var shipped = await grain.Ship(user.UserId(), carrier, trackingNumber);
        return shipped.ToHttp(OrderDto.From);
    }

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> ConfirmReceipt(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await VisibleOrder(id, user, grains) is not { } grain)
        {
            return TypedResults.NotFound(NoSuchOrder);
        }

        var completed = await grain.ConfirmReceipt(user.UserId());
        return completed.ToHttp(OrderDto.From);
    }

    /// <summary>The caller's sales, newest first.</summary>
    private static async Task<Results<Ok<List<OrderDto>>, BadRequest<ApiError>>> Sales(
        int? page, int? pageSize, ClaimsPrincipal user, ShopReadModel readModel, HttpResponse response)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Parse(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var found = await readModel.Orders(buyerId: null, sellerId: user.UserId(), status: null, paging.Page, paging.PageSize);
        response.SetTotalCount(found.Total);
        return TypedResults.Ok(found.Items.Select(OrderDto.From).ToList());
    }

    /// <summary>Every order, newest first, optionally of one status.</summary>
    private static async Task<Results<Ok<List<OrderDto>>, BadRequest<ApiError>>> AllOrders(
        string? status, int? page, int? pageSize, ShopReadModel readModel, HttpResponse response)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Parse(page, pageSize, errors);
        OrderStatus? wanted = null;
        if (status is not null)
        {
            if (WireNames.TryParse<OrderStatus>(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"status must be one of {string.Join(", ", Enum.GetValues<OrderStatus>().Select(WireNames.Of))}.");
            }
        }

        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var found = await readModel.Orders(buyerId: null, sellerId: null, wanted, paging.Page, paging.PageSize);
        response.SetTotalCount(found.Total);
        return TypedResults.Ok(found.Items.Select(OrderDto.From).ToList());
    }

    private static async Task<Results<Ok<OrderDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Refund(
        string id, IGrainFactory grains)
    {
        if (!ListingIds.CanExist(id))
        {
            return TypedResults.NotFound(NoSuchOrder);
        }

        var refunded = await grains.GetGrain<IOrderGrain>(id).Refund();
        return refunded.ToHttp(OrderDto.From);
    }

    /// <summary>The order's grain when the caller may see the order; null for an id that names nothing they can see.</summary>
    private static async Task<IOrderGrain?> VisibleOrder(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ListingIds.CanExist(id))
        {
            return null;
        }

        var grain = grains.GetGrain<IOrderGrain>(id);
        return await grain.Get() is { } order && order.IsVisibleTo(user) ? grain : null;
    }

    /// <summary>Trimmed, blank as null, at most <see cref="ShippingFieldLimit"/> characters.</summary>
    private static string? Optional(string? value, string field, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > ShippingFieldLimit })
        {
            errors.Add(field, $"{field} may not exceed {ShippingFieldLimit} characters.");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
