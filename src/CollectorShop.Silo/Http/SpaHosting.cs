using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CollectorShop.Silo.Http;

/// <summary>
/// The React build in wwwroot: hashed files under /assets are cached for a year, index.html
/// is revalidated on every load, and client-side URLs fall back to index.html — but never the
/// server's own paths (/api, /health, /uploads, /openapi, /scalar, /payments), whose unknown routes stay 404s.
/// </summary>
public static class SpaHosting
{
    private const string AssetsPath = "/assets";

    private static readonly StaticFileOptions Files = new() { OnPrepareResponse = SetCacheHeaders };

    /// <summary>Before routing: a file that exists is served without touching the endpoints; "/" is index.html.</summary>
    public static void UseSpaFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(Files);
    }

    // A regex constraint never matches an empty path, which is why "/" goes through UseDefaultFiles instead.
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!(api|health|uploads|openapi|scalar|payments)(/|$)).*)}";

    public static void MapSpaFallback(this WebApplication app)
    {
        if (app.Environment.WebRootFileProvider is not NullFileProvider)
        {
            app.MapFallbackToFile(ClientRoutes, "index.html", Files);
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
