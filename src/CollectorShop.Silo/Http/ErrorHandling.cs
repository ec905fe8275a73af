using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CollectorShop.Silo.Http;

/// <summary>Bad input is a precise 4xx with the shop's error body, never a 500.</summary>
public static class ErrorHandling
{
    public static void AddShopJson(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            // "price": "12" is a wrong type, not a number: the web defaults would accept it.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new UtcTimes());
        });
        // Binding failures (malformed JSON, wrong types, missing body) throw, so the handler below words them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    public static void UseShopErrors(this WebApplication app) => app.UseExceptionHandler(errors => errors.Run(async context =>
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side; please try again."),
        };
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ApiError(message));
    }));

    /// <summary>
    /// Answers the framework gives without a body — no such route (404), wrong method (405), a body type
    /// the route does not take (415) — get the shop's JSON error body like every other 4xx.
    /// </summary>
    public static void UseShopStatusBodies(this WebApplication app) => app.UseStatusCodePages(async pages =>
    {
        var request = pages.HttpContext.Request;
        var response = pages.HttpContext.Response;
        var message = response.StatusCode switch
        {
            StatusCodes.Status404NotFound when request.Path.StartsWithSegments("/api") => "There is no such API route.",
            StatusCodes.Status404NotFound => "Not found.",
            StatusCodes.Status405MethodNotAllowed => $"This route does not accept {request.Method} requests.",
            StatusCodes.Status415UnsupportedMediaType => $"This route does not accept a '{request.ContentType}' body; send application/json.",
            _ => ReasonPhrases.GetReasonPhrase(response.StatusCode),
        };
        await response.WriteAsJsonAsync(new ApiError(message));
    });

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json when json.Path is not null => $"The request body is not valid JSON for this route (at {json.Path}): {FirstSentence(json.Message)}",
        JsonException json => $"The request body is not valid JSON: {FirstSentence(json.Message)}",
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => bad.Message,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}

/// <summary>Every time on the wire is UTC with a "Z", whatever offset the grain's clock carried.</summary>
public sealed class UtcTimes : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
