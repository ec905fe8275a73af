using Microsoft.Extensions.Logging;

namespace CollectorShop.Grains;

/// <summary>One account: its profile, role and active flag, and the link to its seller request.</summary>
[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user", "shop")] IPersistentState<UserState> state,
    IReadModel readModel,
    TimeProvider time,
    ILogger<UserGrain> logger)
    : Grain, IUserGrain
{
    private ReadModelProjection<UserProfile> Projection => field ??= new(this, DelayDeactivation, readModel.Project, logger);

    private UserProfile? Current => state.State.Profile;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is { } profile)
        {
            await Projection.Publish(profile, state);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Projection.OnDeactivate();

    public Task<UserProfile?> Get() => Task.FromResult(Current);

    public Task<UserCredentials?> GetCredentials() =>
        Task.FromResult(Current is { } profile ? new UserCredentials(profile, state.State.PasswordHash!) : null);

    public async Task<UserProfile> Create(Registration registration)
    {
        if (Current is { } existing)
        {
            await OpenSignUpSellerRequestIfMissing(registration.SellerMessage);
            return existing;
        }

        var profile = new UserProfile(
            Id: this.GetPrimaryKeyString(),
            Name: registration.Name,
            Email: registration.Email,
            Role: registration.Role,
            Active: registration.Active,
            Address: registration.Address,
            Phone: registration.Phone,
            Gender: registration.Gender,
            CreatedAt: time.GetUtcNow());
        var signsUpAsSeller = registration.Role == Role.Seller;

        // The request id is stored with the account, so a retry after a crash opens the same request.
        await Store(new UserState
        {
            Profile = profile,
            PasswordHash = registration.PasswordHash,
            SellerRequestId = signsUpAsSeller ? ShopIds.New() : null,
            SellerRoleFromSignUp = signsUpAsSeller,
        });
        if (state.State.SellerRequestId is { } requestId)
        {
            await SellerRequest(requestId).Open(profile.Id, registration.SellerMessage);
        }

        return profile;
    }

    public async Task<Outcome<UserProfile>> SetActive(bool active, string actingAdminId)
    {
        if (Current is not { } profile)
        {
            return NotFound();
        }

        if (!active && profile.Id == actingAdminId)
        {
            return Refuse.Conflict("You cannot deactivate your own account.");
        }

        if (profile.Active == active)
        {
            return profile;
        }

        return await Store(state.State with { Profile = profile with { Active = active } });
    }

    public async Task<Outcome<UserProfile>> SetRole(Role role, string actingAdminId)
    {
        if (Current is not { } profile)
        {
            return NotFound();
        }

        if (role != Role.Admin && profile.Id == actingAdminId)
        {
            return Refuse.Conflict("You cannot demote yourself.");
        }

        if (profile.Role == role && !state.State.SellerRoleFromSignUp)
        {
            return profile;
        }

        // An admin's choice is deliberate: the role no longer comes from sign-up.
        return await Store(state.State with { Profile = profile with { Role = role }, SellerRoleFromSignUp = false });
    }

    public async Task<Outcome<SellerRequest>> RequestSeller(string? message)
    {
        if (Current is not { } profile)
        {
            return NotFound();
        }

        if (state.State.SellerRequestId is null)
        {
            await Store(state.State with { SellerRequestId = ShopIds.New() });
        }

        return await SellerRequest(state.State.SellerRequestId!).Open(profile.Id, message);
    }

    public async Task<SellerRequest?> GetSellerRequest() =>
        state.State.SellerRequestId is { } requestId ? await SellerRequest(requestId).Get() : null;

    public async Task<UserProfile> GrantSeller()
    {
        var profile = Current ?? throw MissingAccount();
        var granted = profile with { Role = profile.Role == Role.Admin ? Role.Admin : Role.Seller, Active = true };
        if (granted == profile && !state.State.SellerRoleFromSignUp)
        {
            return profile;
        }

        return await Store(state.State with { Profile = granted, SellerRoleFromSignUp = false });
    }

    public async Task<UserProfile> DenySeller()
    {
        var profile = Current ?? throw MissingAccount();
        if (profile.Role != Role.Seller || !state.State.SellerRoleFromSignUp)
        {
            return profile;
        }

        return await Store(state.State with { Profile = profile with { Role = Role.Buyer }, SellerRoleFromSignUp = false });
    }

    /// <summary>Completes a seller sign-up whose request was not opened before a crash.</summary>
    private async Task OpenSignUpSellerRequestIfMissing(string? message)
    {
        if (state.State is { SellerRoleFromSignUp: true, SellerRequestId: { } requestId }
            && await SellerRequest(requestId).Get() is null)
        {
            await SellerRequest(requestId).Open(Current!.Id, message);
        }
    }

    private async Task<UserProfile> Store(UserState next)
    {
        await state.Save(next, this);
        var profile = next.Profile!;
        await Projection.Publish(profile, state);
        return profile;
    }

    private ISellerRequestGrain SellerRequest(string requestId) => GrainFactory.GetGrain<ISellerRequestGrain>(requestId);

    private static Refusal NotFound() => Refuse.NotFound("User not found.");

    private InvalidOperationException MissingAccount() =>
        new($"Seller request decision for user {this.GetPrimaryKeyString()}, which has no account.");
}
