namespace CollectorShop.Grains;

/// <summary>
/// One message in a user's inbox; its id is derived from the event that caused it, so a replay adds nothing.
/// Title and Body are the server's English wording; Audience ("seller" or "buyer"), ProductTitle and TotalPrice let a client word it
/// in its own language. They come last, with defaults, so notifications stored before them still deserialize.
/// </summary>
[GenerateSerializer, Immutable, Alias("Notification")]
public sealed record Notification(
    string Id,
    string Type,
    string Title,
    string Body,
    string? Link,
    DateTimeOffset CreatedAt,
    bool Read,
    string? Audience = null,
    string? ProductTitle = null,
    decimal? TotalPrice = null);

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
