namespace CollectorShop.Grains;

/// <summary>One message in a user's inbox; its id is derived from the event that caused it, so a replay adds nothing.</summary>
[GenerateSerializer, Immutable, Alias("Notification")]
public sealed record Notification(
    string Id,
    string Type,
    string Title,
    string Body,
    string? Link,
    DateTimeOffset CreatedAt,
    bool Read);

/// <summary>A user's notification inbox, keyed by the user id.</summary>
[Alias("INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    /// <summary>Adds the notification unless one with its id is already there (idempotent).</summary>
    [Alias("Add")] Task Add(Notification notification);

    /// <summary>Newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<Notification>> List(bool unreadOnly);

    /// <summary>False when the inbox has no notification with this id.</summary>
    [Alias("MarkRead")] Task<bool> MarkRead(string notificationId);
}
