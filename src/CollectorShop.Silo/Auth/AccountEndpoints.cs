using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CollectorShop.Silo.Auth;

public sealed record RegisterBody(
    string? Name,
    string? Email,
    string? Password,
    string? Role,
    string? Address,
    string? Phone,
    string? Gender,
    string? SellerMessage);

public sealed record Registered(UserDto User, string Message);

public sealed record LoginBody(string? Email, string? Password);

public sealed record SignedIn(string Token, UserDto User);

public sealed record SellerRequestBody(string? Message);

/// <summary>Sign-up, login, the signed-in user's own account and seller request.</summary>
public static class AccountEndpoints
{
    public const int MaxNameLength = 100;
    public const int MaxMessageLength = 2000;

    private const string WrongCredentials = "The email or password is wrong.";

    // The BCrypt hash of a random password nobody kept: unknown emails are checked against it so they cost as much time as real accounts.
    private const string UnknownAccountHash = "$2a$11$E8DlzlxVISWLAas9FYTfYOX19PZZXKgY20LosTci.Kyxcr2T5aloe";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/register", Register).WithName("Register").AllowAnonymous();
        auth.MapPost("/login", Login).WithName("Login").AllowAnonymous()
            .RequireRateLimiting(LoginLimits.PerAddressPolicy)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", Me).WithName("Me").RequireAuthorization(ShopPolicies.Active);

        var me = routes.MapGroup("/api/users/me").WithTags("Accounts");
        me.MapPost("/request-seller", RequestSeller).WithName("RequestSeller").RequireAuthorization(ShopPolicies.Active);
        me.MapGet("/seller-request", MySellerRequest).WithName("MySellerRequest").RequireAuthorization(ShopPolicies.Active);
        return routes;
    }

    private static async Task<Results<Created<Registered>, BadRequest<ApiError>>> Register(
        RegisterBody body, IGrainFactory grains, IConfiguration configuration)
    {
        var errors = new FieldErrors();
        var email = body.Email is null ? "" : Emails.Normalize(body.Email);
        if (email.Length == 0)
        {
            errors.Add("email", "email is required.");
        }
        else if (!Emails.IsPlausible(email))
        {
            errors.Add("email", "email is not a plausible email address.");
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            errors.Add("password", "password is required.");
        }
        else if (!Passwords.IsStrongEnough(body.Password))
        {
            errors.Add("password", $"password must have at least {Passwords.MinimumLength} characters, one of which is neither a letter nor a digit.");
        }
        else if (!Passwords.FitsTheHash(body.Password))
        {
            errors.Add("password", $"password may be at most {Passwords.MaximumBytes} bytes long.");
        }

        var role = Role.Buyer;
        if (body.Role is not null && !(WireNames.TryParse(body.Role, out role) && role != Role.Admin))
        {
            errors.Add("role", "role must be BUYER or SELLER.");
        }

        var name = Optional(body.Name, "name", MaxNameLength, errors);
        var address = Optional(body.Address, "address", 300, errors);
        var phone = Optional(body.Phone, "phone", 40, errors);
        var gender = Optional(body.Gender, "gender", 40, errors);
        var sellerMessage = Optional(body.SellerMessage, "sellerMessage", MaxMessageLength, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        // A seller sign-up always waits for the admin's decision on its seller request.
        var active = role == Role.Buyer && !configuration.GetValue("Accounts:RequireApproval", true);
        var registration = new Registration(
            Name: name ?? email.Split('@')[0],
            Email: email,
            PasswordHash: Passwords.Hash(body.Password!),
            Role: role,
            Active: active,
            Address: address,
            Phone: phone,
            Gender: gender,
            SellerMessage: role == Role.Seller ? sellerMessage : null);
        var outcome = await grains.GetGrain<IEmailIndexGrain>(email).Register(registration);
        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.BadRequest(new ApiError(refusal.Message));
        }

        var user = outcome.Value!;
        var message = (user.Role, user.Active) switch
        {
            (Role.Seller, _) => "Account created. It awaits validation: an administrator reviews your seller request before you can sign in.",
            (_, false) => "Account created. It awaits validation by an administrator before you can sign in.",
            _ => "Account created. You can sign in now.",
        };
        return TypedResults.Created((string?)null, new Registered(UserDto.From(user), message));
    }

    private static async Task<Results<Ok<SignedIn>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> Login(
        LoginBody body, IGrainFactory grains, FailedLogins failedLogins, ShopAuth.TokenIssuer tokens, TimeProvider time, HttpContext context)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            errors.Add("email", "email is required.");
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            errors.Add("password", "password is required.");
        }

        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        var email = Emails.Normalize(body.Email!);
        await using var turn = await failedLogins.Enter(email, context.RequestAborted);
        if (turn.RetryAfter is { } wait)
        {
            return LoginLimits.TooManyAttempts(context, wait, "Too many failed logins for this account; try again later.");
        }

        var credentials = await CredentialsOf(email, grains);
        var matches = Passwords.Matches(body.Password!, credentials?.PasswordHash ?? UnknownAccountHash);
        if (credentials is null || !matches)
        {
            turn.CountFailure();
            return TypedResults.Json(new ApiError(WrongCredentials), statusCode: StatusCodes.Status401Unauthorized);
        }

        var user = credentials.Profile;
        if (!user.Active)
        {
            return GrainResults.Forbidden("Your account awaits validation by an administrator (or was deactivated).");
        }

        return TypedResults.Ok(new SignedIn(tokens.Issue(user, time.GetUtcNow()), UserDto.From(user)));
    }

    private static async Task<Results<Ok<UserDto>, NotFound<ApiError>>> Me(ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(user.UserId()).Get() is { } profile
            ? TypedResults.Ok(UserDto.From(profile))
            : TypedResults.NotFound(new ApiError("User not found."));

    private static async Task<Results<Created<SellerRequestDto>, BadRequest<ApiError>, NotFound<ApiError>>> RequestSeller(
        [FromBody] SellerRequestBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var message = Optional(body?.Message, "message", MaxMessageLength, errors);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }

        // The user grain refuses only an account that does not exist.
        var outcome = await grains.GetGrain<IUserGrain>(user.UserId()).RequestSeller(message);
        return outcome.Refusal is { } refusal
            ? TypedResults.NotFound(new ApiError(refusal.Message))
            : TypedResults.Created((string?)null, SellerRequestDto.From(outcome.Value!));
    }

    // Ok(null) would send an empty body; the API answers a JSON null.
    private static async Task<Results<Ok<SellerRequestDto>, ContentHttpResult>> MySellerRequest(ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(user.UserId()).GetSellerRequest() is { } request
            ? TypedResults.Ok(SellerRequestDto.From(request))
            : TypedResults.Content("null", "application/json");

    /// <summary>The login view of an account, or null when no plausible address or no account matches.</summary>
    private static async Task<UserCredentials?> CredentialsOf(string email, IGrainFactory grains)
    {
        if (!Emails.IsPlausible(email) || await grains.GetGrain<IEmailIndexGrain>(email).GetUserId() is not { } userId)
        {
            return null;
        }

        return await grains.GetGrain<IUserGrain>(userId).GetCredentials();
    }

    /// <summary>A trimmed optional text; blank is absent, longer than allowed is a field error.</summary>
    internal static string? Optional(string? text, string field, int maxLength, FieldErrors errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{field} may be at most {maxLength} characters long.");
        }

        return trimmed;
    }
}
