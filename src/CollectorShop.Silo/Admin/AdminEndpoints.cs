using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CollectorShop.Silo.Admin;

/// <summary>The back office's seller-request queue and user screens.</summary>
public static class AdminEndpoints
{
    private const int DefaultUsersPageSize = 10;
    private const int MaxUsersPageSize = 50;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Admin");
        admin.MapGet("/seller-requests", SellerRequests).WithName("ListSellerRequests").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPost("/seller-requests/{id}/approve", Approve).WithName("ApproveSellerRequest").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPost("/seller-requests/{id}/reject", Reject).WithName("RejectSellerRequest").RequireAuthorization(ShopPolicies.Admin);
        admin.MapGet("/users", Users).WithName("ListUsers").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPost("/users/{id}/active", SetActive).WithName("SetUserActive").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPost("/users/{id}/role", SetRole).WithName("SetUserRole").RequireAuthorization(ShopPolicies.Admin);
        return routes;
    }

    private static async Task<Results<Ok<List<SellerRequestReview>>, BadRequest<ApiError>>> SellerRequests(
        string? status, int? page, int? pageSize, ShopReadModel readModel, IGrainFactory grains, HttpResponse response)
    {
        var errors = new FieldErrors();
        var wanted = SellerRequestStatus.Pending;
        if (status is not null && !WireNames.TryParse(status, out wanted))
        {
            errors.Add("status", "status must be pending, approved or rejected.");
        }

        var paging = PageRequest.Parse(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var found = await readModel.SellerRequests(wanted, paging.Page, paging.PageSize);
        var reviews = new List<SellerRequestReview>(found.Items.Count);
        foreach (var (request, user) in found.Items)
        {
            // The user's row may still be on its way to the read model; the grain always knows the account.
            var account = user ?? await grains.GetGrain<IUserGrain>(request.UserId).Get()
                ?? throw new InvalidDataException($"Seller request {request.Id} belongs to user {request.UserId}, who has no account.");
            reviews.Add(SellerRequestReview.From(request, account));
        }

        response.SetTotalCount(found.Total);
        return TypedResults.Ok(reviews);
    }

    private static async Task<Results<Ok<Decided>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Approve(
        string id, IGrainFactory grains) =>
        (await grains.GetGrain<ISellerRequestGrain>(id).Approve()).ToHttp(_ => new Decided(true));

    private static async Task<Results<Ok<Decided>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Reject(
        string id, [FromBody] DecisionBody? body, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var message = AccountEndpoints.Optional(body?.Message, "message", AccountEndpoints.MaxMessageLength, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        return (await grains.GetGrain<ISellerRequestGrain>(id).Reject(message)).ToHttp(_ => new Decided(true));
    }

    private static async Task<Results<Ok<UserPage>, BadRequest<ApiError>>> Users(
        string? role, string? q, int? page, int? pageSize, ShopReadModel readModel)
    {
        var errors = new FieldErrors();
        Role? wanted = null;
        if (role is not null)
        {
            if (WireNames.TryParse<Role>(role, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("role", "role must be BUYER, SELLER or ADMIN.");
            }
        }

        var paging = PageRequest.Parse(page, pageSize, errors, DefaultUsersPageSize, MaxUsersPageSize);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var found = await readModel.Users(wanted, q, paging.Page, paging.PageSize);
        return TypedResults.Ok(new UserPage(found.Total, paging.Page, paging.PageSize, [.. found.Items.Select(UserDto.From)]));
    }

    private static async Task<Results<Ok<AccountSummary>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> SetActive(
        string id, ActiveBody body, ClaimsPrincipal admin, IGrainFactory grains)
    {
        if (body.Active is not { } active)
        {
            var errors = new FieldErrors();
            errors.Add("active", "active must be true or false.");
            return errors.ToBadRequest();
        }

        return (await grains.GetGrain<IUserGrain>(id).SetActive(active, admin.UserId())).ToHttp(AccountSummary.From);
    }

    private static async Task<Results<Ok<AccountRole>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> SetRole(
        string id, RoleBody body, ClaimsPrincipal admin, IGrainFactory grains)
    {
        if (!WireNames.TryParse<Role>(body.Role, out var role))
        {
            var errors = new FieldErrors();
            errors.Add("role", "role must be BUYER, SELLER or ADMIN.");
            return errors.ToBadRequest();
        }

        return (await grains.GetGrain<IUserGrain>(id).SetRole(role, admin.UserId())).ToHttp(AccountRole.From);
    }
}
