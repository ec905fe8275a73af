namespace CollectorShop.Grains;

[GenerateSerializer, Alias("SellerRequestState")]
public sealed record SellerRequestState
{
    /// <summary>Null until the user grain opens the request.</summary>
    [Id(0)] public SellerRequest? Request { get; init; }
}
