namespace CollectorShop.Grains;

/// <summary>A user's notifications, newest first; the oldest drop out once the inbox is full.</summary>
[GrainType("notification-inbox")]
public sealed class NotificationInboxGrain(
    [PersistentState("inbox", "shop")] IPersistentState<NotificationInboxState> state)
    : Grain, INotificationInboxGrain
{
    public const int Capacity = 200;

    private IReadOnlyList<Notification> Notifications => state.State.Notifications;

    public async Task Add(Notification notification)
    {
        if (Notifications.Any(n => n.Id == notification.Id))
        {
            return;
        }

        var newestFirst = Notifications.Append(notification)
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id, StringComparer.Ordinal)
            .Take(Capacity);
        await state.Save(state.State with { Notifications = [.. newestFirst] }, this);
    }

    public Task<IReadOnlyList<Notification>> List(bool unreadOnly) =>
        Task.FromResult<IReadOnlyList<Notification>>(unreadOnly ? [.. Notifications.Where(n => !n.Read)] : Notifications);

    public async Task<bool> MarkRead(string notificationId)
    {
        if (Notifications.FirstOrDefault(n => n.Id == notificationId) is not { } notification)
        {
            return false;
        }

        if (!notification.Read)
        {
            var read = notification with { Read = true };
            await state.Save(state.State with { Notifications = [.. Notifications.Select(n => n == notification ? read : n)] }, this);
        }

        return true;
    }
}
