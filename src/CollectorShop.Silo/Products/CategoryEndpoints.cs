using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Products;

/// <summary>productCount counts what the public can browse in the category: available and reserved listings.</summary>
public sealed record CategoryDto(string Id, string Name, int ProductCount);

public sealed record NewCategoryBody(string? Id, string? Name);

public sealed record CategoryRenameBody(string? Name);

/// <summary>The public category list, and the admins' catalogue of categories.</summary>
public static class CategoryEndpoints
{
    private const int MaxNameLength = 60;

    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/categories").WithTags("Categories")
            .MapGet("/", List).WithName("ListCategories").AllowAnonymous()
            .WithDescription("Sorted by name; productCount counts the listings the public can browse: available and reserved ones.");

        var admin = routes.MapGroup("/api/admin/categories").WithTags("Categories");
        admin.MapPost("/", Create).WithName("CreateCategory").RequireAuthorization(ShopPolicies.Admin);
        admin.MapPatch("/{id}", Rename).WithName("RenameCategory").RequireAuthorization(ShopPolicies.Admin);
        admin.MapDelete("/{id}", Delete).WithName("DeleteCategory").RequireAuthorization(ShopPolicies.Admin);
        return routes;
    }

    private static async Task<Ok<List<CategoryDto>>> List(IGrainFactory grains, ShopReadModel readModel)
    {
        var counts = await readModel.ListingsByCategory(Viewer.PublicStatuses);
        var categories = await Catalogue(grains).List();
        return TypedResults.Ok(categories.Select(category => Dto(category, counts)).ToList());
    }

    private static async Task<Results<Created<CategoryDto>, BadRequest<ApiError>, Conflict<ApiError>>> Create(
        NewCategoryBody body, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var name = Name(body.Name, errors);
        if (body.Id is { } id && string.IsNullOrWhiteSpace(id))
        {
            errors.Add("id", "id may be left out, but not blank.");
        }

        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var created = await Catalogue(grains).Create(body.Id, name!);
        if (created.Refusal is { } refusal)
        {
            return refusal.Kind == RefusalKind.Conflict
                ? TypedResults.Conflict(new ApiError(refusal.Message))
                : Invalid("id", refusal.Message);
        }

        // A new category has no listings yet.
        return TypedResults.Created((string?)null, new CategoryDto(created.Value!.Id, created.Value.Name, 0));
    }

    private static async Task<Results<Ok<CategoryDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Rename(
        string id, CategoryRenameBody body, IGrainFactory grains, ShopReadModel readModel)
    {
        var errors = new FieldErrors();
        var name = Name(body.Name, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var renamed = await Catalogue(grains).Rename(id, name!);
        var counts = await readModel.ListingsByCategory(Viewer.PublicStatuses);
        return renamed.ToHttp(category => Dto(category, counts));
    }

    private static async Task<Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Delete(
        string id, IGrainFactory grains) =>
        (await Catalogue(grains).Delete(id)).ToNoContent();

    private static string? Name(string? name, FieldErrors errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("name", "name is required.");
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add("name", $"name may be at most {MaxNameLength} characters long.");
        }

        return trimmed;
    }

    private static BadRequest<ApiError> Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToBadRequest();
    }

    private static CategoryDto Dto(Category category, IReadOnlyDictionary<string, int> counts) =>
        new(category.Id, category.Name, counts.GetValueOrDefault(category.Id));

    private static ICategoriesGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ICategoriesGrain>(0);
}
