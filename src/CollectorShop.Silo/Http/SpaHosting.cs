using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CollectorShop.Silo.Http;

/// <summary>
/// The React build in wwwroot: hashed files under /assets are cached for a year, index.html
/// is revalidated on every load, client-side URLs fall back to index.html, and unknown
/// /api routes stay JSON 404s instead of turning into the SPA.
/// </summary>
public static class SpaHosting
{
    private const string AssetsPath = "/assets";

    private static readonly StaticFileOptions Files = new() { OnPrepareResponse = SetCacheHeaders };

    /// <summary>Before routing: a file that exists is served without touching the endpoints.</summary>
    public static void UseSpaFiles(this WebApplication app) => app.UseStaticFiles(Files);

    public static void MapSpaFallback(this WebApplication app)
    {
        app.MapFallback("/api/{**path}", () => TypedResults.NotFound(new ApiError("There is no such API route.")));
        if (app.Environment.WebRootFileProvider is not NullFileProvider)
        {
            app.MapFallbackToFile("index.html", Files);
        }
    }

    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = context.Context.Request.Path.StartsWithSegments(AssetsPath)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
    }
}
