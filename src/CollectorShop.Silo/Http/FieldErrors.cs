using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Http;

/// <summary>Collects what is wrong with a request, field by field, for one 400 answer.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>400 whose message names every problem, with the per-field messages beside it.</summary>
    public BadRequest<ApiError> ToBadRequest() => TypedResults.BadRequest(new ApiError(
        string.Join(" ", _errors.Values.SelectMany(messages => messages)),
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray())));
}
