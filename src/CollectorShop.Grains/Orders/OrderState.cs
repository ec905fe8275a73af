namespace CollectorShop.Grains;

[GenerateSerializer, Alias("OrderState")]
public sealed record OrderState
{
    /// <summary>Null until the order is placed.</summary>
    [Id(0)] public Order? Order { get; init; }
}
