using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollectorShop.Silo.Auth;

public static class ShopPolicies
{
    /// <summary>Authenticated, and the account is active right now.</summary>
    public const string Active = "Active";

    /// <summary>Active SELLER or ADMIN.</summary>
    public const string Seller = "Seller";

    /// <summary>Active ADMIN.</summary>
    public const string Admin = "Admin";
}

/// <summary>JWT bearer auth whose role and active flag come from the user grain on every request.</summary>
public static class ShopAuth
{
    private const string Issuer = "collector-shop";
    private const string ActiveClaim = "active";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    public static void AddShopAuth(this WebApplicationBuilder builder)
    {
        var key = new SymmetricSecurityKey(LoadSecret(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(new TokenIssuer(key));
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Issuer,
                    ValidAudience = Issuer,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RefreshFromUserGrain,
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        var message = context.AuthenticateFailure is null
                            ? "Sign in to do this."
                            : "Your session is invalid or has expired; please sign in again.";
                        await context.Response.WriteAsJsonAsync(new ApiError(message));
                    },
                    OnForbidden = async context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        var message = context.Principal?.FindFirstValue(ActiveClaim) == "true"
                            ? "You are not allowed to do this."
                            : "Your account is not active: it awaits validation or was deactivated.";
                        await context.Response.WriteAsJsonAsync(new ApiError(message));
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ShopPolicies.Active, p => p.RequireClaim(ActiveClaim, "true"))
            .AddPolicy(ShopPolicies.Seller, p => p.RequireClaim(ActiveClaim, "true").RequireRole(Wire(Role.Seller), Wire(Role.Admin)))
            .AddPolicy(ShopPolicies.Admin, p => p.RequireClaim(ActiveClaim, "true").RequireRole(Wire(Role.Admin)));
    }

    /// <summary>The API's spelling of a role: BUYER, SELLER, ADMIN.</summary>
    public static string Wire(Role role) => role.ToString().ToUpperInvariant();

    /// <summary>The signed-in user's id (the token's subject).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No signed-in user.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Wire(Role.Admin));

    /// <summary>The caller as an actor of a grain call; null when anonymous.</summary>
    public static Actor? AsActor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? new Actor(user.UserId(), user.IsAdmin()) : null;

    /// <summary>Replaces the token's role with the account's current one and adds whether it is active; a deleted account fails.</summary>
    private static async Task RefreshFromUserGrain(TokenValidatedContext context)
    {
        var id = context.Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var profile = id is null ? null : await grains.GetGrain<IUserGrain>(id).Get();
        if (profile is null)
        {
            context.Fail("The account of this token does not exist.");
            return;
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [.. TokenIssuer.ClaimsOf(profile), new Claim(ActiveClaim, profile.Active ? "true" : "false")],
            JwtBearerDefaults.AuthenticationScheme, "name", "role"));
    }

    /// <summary>Jwt:Secret (≥ 32 bytes). Development without one gets a random secret kept in the data folder; elsewhere the silo refuses to start.</summary>
    private static byte[] LoadSecret(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Jwt:Secret"];
        if (!string.IsNullOrEmpty(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= 32
                ? bytes
                : throw new InvalidOperationException("Jwt:Secret must be at least 32 bytes long.");
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Jwt:Secret is not set; the shop does not start without it outside Development.");
        }
        var file = Path.Combine(environment.ContentRootPath, "data", "jwt-secret");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }
        return Encoding.UTF8.GetBytes(File.ReadAllText(file).Trim());
    }

    /// <summary>Signs the 7-day HS256 tokens login hands out.</summary>
    public sealed class TokenIssuer(SymmetricSecurityKey key)
    {
        private readonly JsonWebTokenHandler _handler = new();

        public string Issue(UserProfile user, DateTimeOffset now) => _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(ClaimsOf(user)),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        internal static Claim[] ClaimsOf(UserProfile user) =>
        [
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new("id", user.Id),
            new("email", user.Email),
            new("role", Wire(user.Role)),
            new("name", user.Name),
        ];
    }
}
