using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Auth;

/// <summary>
/// The brakes on password guessing: login requests per client address (RateLimiting:LoginPerMinutePerAddress)
/// and failed logins per account (RateLimiting:FailedLoginsPerAccount), both answered with 429 and Retry-After.
/// </summary>
public static class LoginLimits
{
    public const string PerAddressPolicy = "login-per-address";

    private const int DefaultLoginsPerMinutePerAddress = 30;
    private const int DefaultFailedLoginsPerAccount = 5;

    public static void AddLoginLimits(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("RateLimiting");
        var perAddress = AtLeastOne(settings, "LoginPerMinutePerAddress", DefaultLoginsPerMinutePerAddress);
        var failuresPerAccount = AtLeastOne(settings, "FailedLoginsPerAccount", DefaultFailedLoginsPerAccount);

        builder.Services.AddSingleton(services => new FailedLogins(services.GetRequiredService<IGrainFactory>(), failuresPerAccount));
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerAddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                AddressOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = (rejection, cancellationToken) =>
            {
                var wait = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var result = TooManyAttempts(rejection.HttpContext, wait, "Too many login attempts from your address; try again later.");
                return new ValueTask(result.ExecuteAsync(rejection.HttpContext));
            };
        });
    }

    /// <summary>429 with Retry-After in whole seconds and the shop's error body.</summary>
    public static JsonHttpResult<ApiError> TooManyAttempts(HttpContext context, TimeSpan wait, string message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
        null => "",
    };

    private static int AtLeastOne(IConfigurationSection settings, string key, int fallback)
    {
        var value = settings.GetValue(key, fallback);
        return value >= 1
            ? value
            : throw new InvalidOperationException($"RateLimiting:{key} must be 1 or more; it is {value}.");
    }
}
