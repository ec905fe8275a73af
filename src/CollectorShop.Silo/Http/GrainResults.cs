using CollectorShop.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Http;

/// <summary>How a grain's answer becomes an HTTP answer: the snapshot as 200, a refusal as its 4xx.</summary>
public static class GrainResults
{
    public static Results<Ok<TDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> ToHttp<T, TDto>(
        this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Refusal is { } refusal ? Refused<TDto>(refusal) : TypedResults.Ok(map(outcome.Value!));

    public static Results<Ok<TDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> Refused<TDto>(Refusal refusal)
    {
        var error = new ApiError(refusal.Message);
        return refusal.Kind switch
        {
            RefusalKind.NotFound => TypedResults.NotFound(error),
            RefusalKind.Forbidden => Forbidden(refusal.Message),
            RefusalKind.Conflict => TypedResults.Conflict(error),
            _ => TypedResults.BadRequest(error),
        };
    }

    /// <summary>403 with the shop's error body.</summary>
    public static JsonHttpResult<ApiError> Forbidden(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status403Forbidden);
}
