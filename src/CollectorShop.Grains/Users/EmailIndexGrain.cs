namespace CollectorShop.Grains;

/// <summary>
/// One normalised email: the single place that decides which account owns it. Sign-ups for
/// one email queue on this grain, so two racing sign-ups cannot both create an account.
/// </summary>
[GrainType("email")]
public sealed class EmailIndexGrain(
    [PersistentState("email", "shop")] IPersistentState<EmailIndexState> state)
    : Grain, IEmailIndexGrain
{
    public Task<string?> GetUserId() => Task.FromResult(state.State.UserId);

    public async Task<Outcome<UserProfile>> Register(Registration registration)
    {
        if (!string.Equals(registration.Email.Trim(), this.GetPrimaryKeyString(), StringComparison.OrdinalIgnoreCase))
        {
            return Refuse.Invalid("The email does not match this account index entry.");
        }

        if (state.State.UserId is { } claimedBy)
        {
            var owner = GrainFactory.GetGrain<IUserGrain>(claimedBy);
            if (await owner.Get() is not null)
            {
                return Refuse.Invalid("This email is already registered.");
            }

            // A previous sign-up claimed the email and stopped before the account existed: finish it with this one.
            return await owner.Create(registration);
        }

        var userId = ShopIds.New();
        await state.Save(new EmailIndexState { UserId = userId }, this);
        return await GrainFactory.GetGrain<IUserGrain>(userId).Create(registration);
    }
}
