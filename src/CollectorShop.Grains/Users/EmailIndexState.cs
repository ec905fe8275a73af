namespace CollectorShop.Grains;

[GenerateSerializer, Alias("EmailIndexState")]
public sealed record EmailIndexState
{
    /// <summary>The account that claimed the email; claimed before the account is created.</summary>
    [Id(0)] public string? UserId { get; init; }
}
