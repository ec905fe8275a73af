using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Products;

/// <summary>For transitions whose success has no body (DELETE → 204); refusals map as in <see cref="GrainResults"/>.</summary>
public static class RefusalResults
{
    public static Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> ToNoContent<T>(
        this Outcome<T> outcome)
    {
        if (outcome.Refusal is not { } refusal)
        {
            return TypedResults.NoContent();
        }

        var error = new ApiError(refusal.Message);
        return refusal.Kind switch
        {
            RefusalKind.NotFound => TypedResults.NotFound(error),
            RefusalKind.Forbidden => GrainResults.Forbidden(refusal.Message),
            RefusalKind.Conflict => TypedResults.Conflict(error),
            _ => TypedResults.BadRequest(error),
        };
    }
}
