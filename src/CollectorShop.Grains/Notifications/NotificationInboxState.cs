namespace CollectorShop.Grains;

[GenerateSerializer, Alias("NotificationInboxState")]
public sealed record NotificationInboxState
{
    /// <summary>Newest first, at most <see cref="NotificationInboxGrain.Capacity"/>.</summary>
    [Id(0)] public IReadOnlyList<Notification> Notifications { get; init; } = [];
}
