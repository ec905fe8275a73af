using System.Security.Claims;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Notifications;

/// <summary>Title and body stay for clients that do not word notifications themselves; the last three are what the SPA words them from.</summary>
public sealed record NotificationDto(
    string Id, string Type, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read,
    string? Audience, string? ProductTitle, decimal? TotalPrice)
{
    public static NotificationDto Of(Notification notification) => new(
        notification.Id,
        notification.Type,
        notification.Title,
        notification.Body,
        notification.Link,
        notification.CreatedAt,
        notification.Read,
        notification.Audience,
        notification.ProductTitle,
        notification.TotalPrice);
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/api/notifications");
        notifications.MapGet("/", List).WithName("ListNotifications").RequireAuthorization(ShopPolicies.Active);
        notifications.MapPost("/{id}/read", MarkRead).WithName("MarkNotificationRead").RequireAuthorization(ShopPolicies.Active);
        return routes;
    }

    /// <summary>The caller's notifications, newest first; <c>?unread=true</c> keeps the unread ones.</summary>
    private static async Task<Results<Ok<NotificationDto[]>, BadRequest<ApiError>>> List(
        string? unread, ClaimsPrincipal user, IGrainFactory grains)
    {
        var unreadOnly = false;
        if (unread is not null && !bool.TryParse(unread, out unreadOnly))
        {
            var errors = new FieldErrors();
            errors.Add("unread", "unread must be true or false.");
            return errors.ToBadRequest();
        }

        var notifications = await grains.GetGrain<INotificationInboxGrain>(user.UserId()).List(unreadOnly);
        return TypedResults.Ok(notifications.Select(NotificationDto.Of).ToArray());
    }

    /// <summary>404 for an id that is not in the caller's own inbox, whoever else it may belong to.</summary>
    private static async Task<Results<NoContent, NotFound<ApiError>>> MarkRead(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<INotificationInboxGrain>(user.UserId()).MarkRead(id)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ApiError("Notification not found."));
}
