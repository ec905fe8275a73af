namespace CollectorShop.Grains;

[GenerateSerializer, Alias("ProductState")]
public sealed record ProductState
{
    /// <summary>Null until the listing is submitted.</summary>
    [Id(0)] public Listing? Listing { get; init; }

    /// <summary>The order that bought the item, so a repeated payment notice for it is recognised.</summary>
    [Id(1)] public string? SoldToOrderId { get; init; }

    /// <summary>Events stored with the change that caused them, oldest first, until the broker confirms them.</summary>
    [Id(2)] public IReadOnlyList<IntegrationEvent> Outbox { get; init; } = [];
}
