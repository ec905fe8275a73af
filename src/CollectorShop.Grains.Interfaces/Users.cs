namespace CollectorShop.Grains;

[GenerateSerializer, Alias("Role")]
public enum Role { Buyer, Seller, Admin }

[GenerateSerializer, Immutable, Alias("UserProfile")]
public sealed record UserProfile(
    string Id,
    string Name,
    string Email,
    Role Role,
    bool Active,
    string? Address,
    string? Phone,
    string? Gender,
    DateTimeOffset CreatedAt);

/// <summary>A validated sign-up; the password is already hashed by the caller.</summary>
[GenerateSerializer, Immutable, Alias("Registration")]
public sealed record Registration(
    string Name,
    string Email,
    string PasswordHash,
    Role Role,
    bool Active,
    string? Address,
    string? Phone,
    string? Gender,
    string? SellerMessage);

/// <summary>What login needs: the profile and the stored BCrypt hash (never leaves the silo).</summary>
[GenerateSerializer, Immutable, Alias("UserCredentials")]
public sealed record UserCredentials(UserProfile Profile, string PasswordHash);

/// <summary>One account, keyed by its server-chosen id.</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when no account has this id.</summary>
    [Alias("Get")] Task<UserProfile?> Get();

    [Alias("GetCredentials")] Task<UserCredentials?> GetCredentials();

    /// <summary>Creates the account; only the email index calls this. Repeating it returns the existing profile.</summary>
    [Alias("Create")] Task<UserProfile> Create(Registration registration);

    /// <summary>Admin (de)activation; an admin cannot change their own flag.</summary>
    [Alias("SetActive")] Task<Outcome<UserProfile>> SetActive(bool active, string actingAdminId);

    /// <summary>Admin role change; an admin cannot demote themself.</summary>
    [Alias("SetRole")] Task<Outcome<UserProfile>> SetRole(Role role, string actingAdminId);

    /// <summary>Creates the user's seller request, or re-opens it as pending.</summary>
    [Alias("RequestSeller")] Task<Outcome<SellerRequest>> RequestSeller(string? message);

    [Alias("GetSellerRequest")] Task<SellerRequest?> GetSellerRequest();

    /// <summary>Called by an approved seller request: SELLER (an ADMIN stays ADMIN) and active. Idempotent.</summary>
    [Alias("GrantSeller")] Task<UserProfile> GrantSeller();

    /// <summary>Called by a rejected seller request: a SELLER role that came only from sign-up falls back to BUYER. Idempotent.</summary>
    [Alias("DenySeller")] Task<UserProfile> DenySeller();
}

/// <summary>Keyed by the normalised email: the one place that decides which account owns an email.</summary>
[Alias("IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>The id of the account that owns this email, or null.</summary>
    [Alias("GetUserId")] Task<string?> GetUserId();

    /// <summary>Creates the account for this email; Invalid when the email is already used.</summary>
    [Alias("Register")] Task<Outcome<UserProfile>> Register(Registration registration);
}

[GenerateSerializer, Alias("LoginAdmissionKind")]
public enum LoginAdmissionKind { Admitted, Busy, Locked }

/// <summary>
/// The answer to a login attempt asking to check a password: admitted with a ticket to hand back, busy (another
/// check of this account is running), or locked for a while after too many failures.
/// </summary>
[GenerateSerializer, Immutable, Alias("LoginAdmission")]
public sealed record LoginAdmission(LoginAdmissionKind Kind, long Ticket, TimeSpan LockedFor);

/// <summary>The login attempts of one normalised email, whether or not an account has it.</summary>
[Alias("ILoginAttemptsGrain")]
public interface ILoginAttemptsGrain : IGrainWithStringKey
{
    /// <summary>Admits one password check at a time, unless the email used up <paramref name="failuresAllowed"/> within the window.</summary>
    [Alias("Enter")] Task<LoginAdmission> Enter(int failuresAllowed);

    /// <summary>Ends the admitted check of <paramref name="ticket"/>, counting it when the password was wrong.</summary>
    [Alias("Leave")] Task Leave(long ticket, bool failed);
}
