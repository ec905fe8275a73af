using Microsoft.AspNetCore.Http.Features;

namespace CollectorShop.Silo.Http;

/// <summary>
/// JSON bodies of this API are a few kilobytes; Kestrel's global limit is sized for image
/// uploads, so JSON requests get a much smaller one and a 413 when they go over it.
/// </summary>
public static class JsonBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static void UseJsonBodyLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new ApiError($"A JSON body may not exceed {MaxBytes / 1024} KB."));
            return;
        }

        // A chunked body has no length up front: the server stops reading it at the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        await next(context);
    });
}
