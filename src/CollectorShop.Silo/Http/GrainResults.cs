using CollectorShop.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Http;

/// <summary>How a grain's answer becomes an HTTP answer: the success as given, a refusal as its 4xx.</summary>
public static class GrainResults
{
    /// <summary>200 with the mapped snapshot.</summary>
    public static Results<Ok<TDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> ToHttp<T, TDto>(
        this Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Refusal is { } refusal ? Refused<Ok<TDto>>(refusal) : TypedResults.Ok(map(outcome.Value!));

    /// <summary>201 at the snapshot's own URL.</summary>
    public static Results<Created<TDto>, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> ToCreated<T, TDto>(
        this Outcome<T> outcome, Func<T, string> location, Func<T, TDto> map) =>
        outcome.Refusal is { } refusal ? Refused<Created<TDto>>(refusal) : TypedResults.Created(location(outcome.Value!), map(outcome.Value!));

    /// <summary>204 for transitions whose success has nothing to show (DELETE).</summary>
    public static Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> ToNoContent<T>(
        this Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? Refused<NoContent>(refusal) : TypedResults.NoContent();

    public static Results<TSuccess, BadRequest<ApiError>, JsonHttpResult<ApiError>, NotFound<ApiError>, Conflict<ApiError>> Refused<TSuccess>(Refusal refusal)
        where TSuccess : IResult
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
