namespace CollectorShop.Grains;

[GenerateSerializer, Alias("ProductState")]
public sealed record ProductState
{
    /// <summary>Null until the listing is submitted.</summary>
    [Id(0)] public Listing? Listing { get; init; }

    /// <summary>The order that bought the item, so a repeated payment notice for it is recognised.</summary>
    [Id(1)] public string? SoldToOrderId { get; init; }
}
