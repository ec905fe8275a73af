using System.Text.Json.Serialization;

namespace CollectorShop.Silo.Http;

/// <summary>Every 4xx/5xx body: a human message, and field messages for invalid input.</summary>
public sealed record ApiError(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);
