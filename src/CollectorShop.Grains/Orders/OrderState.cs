namespace CollectorShop.Grains;

[GenerateSerializer, Alias("OrderState")]
public sealed record OrderState
{
    /// <summary>Null until the order is placed.</summary>
    [Id(0)] public Order? Order { get; init; }

    /// <summary>Events stored with the change that caused them, oldest first, until the broker confirms them.</summary>
    [Id(1)] public IReadOnlyList<IntegrationEvent> Outbox { get; init; } = [];
}
