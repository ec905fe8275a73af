using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Products;

public sealed record RejectionBody(string? Reason);

/// <summary>Listings: the public catalogue, the seller's own listings, and the admins' moderation.</summary>
public static class ProductEndpoints
{
    private const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/api/products").WithTags("Listings");
        products.MapGet("/", List).WithName("ListProducts").AllowAnonymous()
            .WithDescription("Anyone sees available and reserved listings, and sold ones with status=sold. Pending, rejected and withdrawn "
                + "listings need sellerId=me (their seller) or an admin, else 403; sellerId=me needs a signed-in, active account (401/403); "
                + "status=removed is a 400 here. An unknown category filters to an empty list.");
        products.MapGet("/{id}", Get).WithName("GetProduct").AllowAnonymous()
            .WithDescription("404 also when the caller may not see the listing. The shop has no reviews yet: sellerRating is null and sellerReviews 0.");
        products.MapPost("/", Create).WithName("CreateProduct").RequireAuthorization(ShopPolicies.Seller)
            .WithDescription("A client-supplied id or status is ignored; the listing starts pending. /uploads/ images must name an image stored by this shop.");
        products.MapPatch("/{id}", Edit).WithName("EditProduct").RequireAuthorization(ShopPolicies.Active)
            .WithDescription("Absent or null fields stay as they are. A body with a non-null status is a 400: status changes only through moderation, withdrawal and orders.");
        products.MapDelete("/{id}", Withdraw).WithName("WithdrawProduct").RequireAuthorization(ShopPolicies.Active);

        var moderation = routes.MapGroup("/api/admin/products").WithTags("Moderation");
        moderation.MapGet("/", ListAll).WithName("ListAllProducts").RequireAuthorization(ShopPolicies.Admin);
        moderation.MapPost("/{id}/approve", Approve).WithName("ApproveProduct").RequireAuthorization(ShopPolicies.Admin);
        moderation.MapPost("/{id}/reject", Reject).WithName("RejectProduct").RequireAuthorization(ShopPolicies.Admin);
        moderation.MapDelete("/{id}", Remove).WithName("RemoveProduct").RequireAuthorization(ShopPolicies.Admin);
        return routes;
    }

    /// <summary>
    /// The public sees available and reserved listings, and sold ones when it asks for them; pending, rejected and
    /// withdrawn listings only reach their seller (sellerId=me) and admins; removed ones never appear here.
    /// </summary>
    private static async Task<Results<Ok<List<ProductDto>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> List(
        [AsParameters] ListingQuery query, HttpContext context, ShopReadModel readModel)
    {
        var viewer = await Viewer.Of(context);
        if (query.AsksForMine && !viewer.IsSignedIn)
        {
            return context.User.Identity?.IsAuthenticated == true
                ? GrainResults.Forbidden("Your account is not active: it awaits validation or was deactivated.")
                : TypedResults.Json(new ApiError("Sign in to list your own listings (sellerId=me)."), statusCode: StatusCodes.Status401Unauthorized);
        }

        var sellerId = query.AsksForMine ? viewer.UserId : NullIfBlank(query.SellerId);
        var errors = new FieldErrors();
        var status = query.ParseStatus(errors);
        if (status == ListingStatus.Removed)
        {
            errors.Add("status", "Removed listings are not listed here.");
        }

        var mine = viewer.Owns(sellerId);
        IReadOnlyCollection<ListingStatus> statuses = status switch
        {
            null when mine => [.. Enum.GetValues<ListingStatus>().Where(s => s != ListingStatus.Removed)],
            null => Viewer.PublicStatuses,
            { } asked => [asked],
        };
        if (status is (ListingStatus.Pending or ListingStatus.Rejected or ListingStatus.Withdrawn) && !mine && !viewer.IsAdmin && !errors.Any)
        {
            return GrainResults.Forbidden($"{WireNames.Of(status.Value)} listings are visible only to their seller (sellerId=me) and admins.");
        }

        return await ListPage(query.ToSearch(sellerId, statuses, errors), errors, context, readModel);
    }

    private static async Task<Results<Ok<List<ProductDto>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> ListAll(
        [AsParameters] ListingQuery query, ClaimsPrincipal user, HttpContext context, ShopReadModel readModel)
    {
        var errors = new FieldErrors();
        var status = query.ParseStatus(errors);
        var sellerId = query.AsksForMine ? user.UserId() : NullIfBlank(query.SellerId);
        IReadOnlyCollection<ListingStatus> statuses = status is { } asked ? [asked] : Enum.GetValues<ListingStatus>();
        return await ListPage(query.ToSearch(sellerId, statuses, errors), errors, context, readModel);
    }

    private static async Task<Results<Ok<List<ProductDto>>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> ListPage(
        ListingSearch? search, FieldErrors errors, HttpContext context, ShopReadModel readModel)
    {
        if (search is null)
        {
            return errors.ToBadRequest();
        }

        var page = await readModel.Listings(search);
        context.Response.SetTotalCount(page.Total);
        return TypedResults.Ok(page.Items.Select(ProductDto.From).ToList());
    }

    private static async Task<Results<Ok<ProductDto>, NotFound<ApiError>>> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var viewer = await Viewer.Of(context);
        return await Visible(id, viewer, grains) is { } listing ? TypedResults.Ok(ProductDto.From(listing)) : NotFound();
    }

    private static async Task<Results<Created<ProductDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, Conflict<ApiError>>> Create(
        NewListingBody body, ClaimsPrincipal user, IGrainFactory grains, ShopReadModel readModel)
    {
        var errors = new FieldErrors();
        if (await ListingInput.Draft(body, grains, readModel, errors) is not { } draft)
        {
            return errors.ToBadRequest();
        }

        if (await grains.GetGrain<IUserGrain>(user.UserId()).Get() is not { } seller)
        {
            return GrainResults.Forbidden("Your account no longer exists.");
        }

        var id = ShopIds.New();
        var submitted = await grains.GetGrain<IProductGrain>(id).Submit(draft, seller.Id, seller.Name);
        return submitted.Value is { } listing
            ? TypedResults.Created($"/api/products/{id}", ProductDto.From(listing))
            : TypedResults.Conflict(new ApiError(submitted.Refusal!.Message));
    }

    /// <summary>A body that sends <c>status</c> is a 400: status changes only through moderation, withdrawal and orders.</summary>
    private static async Task<Results<Ok<ProductDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Edit(
        string id, ListingEditBody body, ClaimsPrincipal user, HttpContext context, IGrainFactory grains, ShopReadModel readModel)
    {
        if (await Visible(id, await Viewer.Of(context), grains) is null)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (await ListingInput.Changes(body, grains, readModel, errors) is not { } changes)
        {
            return errors.ToBadRequest();
        }

        var edited = await grains.GetGrain<IProductGrain>(id).Edit(changes, user.AsActor()!);
        return edited.ToHttp(ProductDto.From);
    }

    private static async Task<Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Withdraw(
        string id, ClaimsPrincipal user, HttpContext context, IGrainFactory grains)
    {
        if (await Visible(id, await Viewer.Of(context), grains) is null)
        {
            return NotFound();
        }

        var withdrawn = await grains.GetGrain<IProductGrain>(id).Withdraw(user.AsActor()!);
        return withdrawn.ToNoContent();
    }

    private static async Task<Results<Ok<ProductDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Approve(
        string id, IGrainFactory grains) =>
        ListingIds.CanExist(id) ? (await grains.GetGrain<IProductGrain>(id).Approve()).ToHttp(ProductDto.From) : NotFound();

    private static async Task<Results<Ok<ProductDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Reject(
        string id, RejectionBody? body, IGrainFactory grains)
    {
        if (!ListingIds.CanExist(id))
        {
            return NotFound();
        }

        var reason = body?.Reason?.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            var errors = new FieldErrors();
            errors.Add("reason", $"reason may be at most {MaxReasonLength} characters long.");
            return errors.ToBadRequest();
        }

        var rejected = await grains.GetGrain<IProductGrain>(id).Reject(string.IsNullOrEmpty(reason) ? null : reason);
        return rejected.ToHttp(ProductDto.From);
    }

    /// <summary>The listing stays stored as removed, for the orders that reference it.</summary>
    private static async Task<Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Remove(
        string id, IGrainFactory grains) =>
        ListingIds.CanExist(id) ? (await grains.GetGrain<IProductGrain>(id).Remove()).ToNoContent() : NotFound();

    private static async Task<Listing?> Visible(string id, Viewer viewer, IGrainFactory grains) =>
        ListingIds.CanExist(id) && await grains.GetGrain<IProductGrain>(id).Get() is { } listing && viewer.CanSee(listing)
            ? listing
            : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static NotFound<ApiError> NotFound() => TypedResults.NotFound(new ApiError("Listing not found."));
}
