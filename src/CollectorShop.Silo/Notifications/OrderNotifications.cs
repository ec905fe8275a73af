using System.Globalization;
using CollectorShop.Grains;
using CollectorShop.Silo.Events;

namespace CollectorShop.Silo.Notifications;

/// <summary>What the seller and the buyer hear of an order event; the notification's id is the event's, so a replay adds nothing.</summary>
public static class OrderNotifications
{
    public static IEnumerable<(string UserId, Notification Notification)> For(OrderEventMessage message)
    {
        var item = $"\u201c{message.ProductTitle}\u201d";
        var total = message.TotalPrice.ToString("0.00", CultureInfo.InvariantCulture) + " \u20ac";
        switch (message.Type)
        {
            case "order.created":
                yield return ToSeller("Your item is reserved", $"{item} is reserved by a buyer who is paying {total} for it.");
                break;
            case "order.paid":
                yield return ToSeller("Paid: ship it", $"{item} is paid ({total}). Ship it and add the tracking number.");
                yield return ToBuyer("Payment received", $"Your payment of {total} for {item} went through; the seller will ship it.");
                break;
            case "order.shipped":
                yield return ToBuyer("Your item is on its way", $"{item} has been shipped. Confirm receipt once it has arrived.");
                break;
            case "order.completed":
                yield return ToSeller("Sale completed", $"The buyer has received {item}. The sale is complete.");
                break;
            case "order.refunded":
                yield return ToBuyer("You have been refunded", $"Your payment of {total} for {item} has been refunded.");
                break;
        }

        (string, Notification) ToSeller(string title, string body) => To(message.SellerId, "seller", title, body);

        (string, Notification) ToBuyer(string title, string body) => To(message.BuyerId, "buyer", title, body);

        (string, Notification) To(string userId, string audience, string title, string body) =>
            (userId, new Notification(
                message.EventId, message.Type, title, body, $"/orders/{message.OrderId}", message.OccurredAt, Read: false,
                audience, message.ProductTitle, message.TotalPrice));
    }
}
