namespace CollectorShop.Grains;

[GenerateSerializer, Alias("UserState")]
public sealed record UserState
{
    /// <summary>Null until the email index creates the account.</summary>
    [Id(0)] public UserProfile? Profile { get; init; }

    [Id(1)] public string? PasswordHash { get; init; }

    /// <summary>The user's one seller request, once they asked to sell.</summary>
    [Id(2)] public string? SellerRequestId { get; init; }

    /// <summary>True while the SELLER role comes only from signing up as a seller, not from an approval or an admin.</summary>
    [Id(3)] public bool SellerRoleFromSignUp { get; init; }
}
