using CollectorShop.Silo.Events;
using CollectorShop.Silo.Notifications;

namespace CollectorShop.Tests.Notifications;

public sealed class OrderNotificationsTests
{
    [Theory]
    [InlineData("order.created", new[] { "seller" })]
    [InlineData("order.paid", new[] { "seller", "buyer" })]
    [InlineData("order.shipped", new[] { "buyer" })]
    [InlineData("order.completed", new[] { "seller" })]
    [InlineData("order.refunded", new[] { "buyer" })]
    public void Each_order_event_tells_its_audience_the_item_and_the_total(string type, string[] audiences)
    {
        var message = Event(type);

        var notifications = OrderNotifications.For(message).ToList();

        Assert.Equal(audiences, notifications.Select(n => n.Notification.Audience));
        Assert.Equal(audiences.Select(a => a == "seller" ? "seller-1" : "buyer-1"), notifications.Select(n => n.UserId));
        Assert.All(notifications, n =>
        {
            Assert.Equal(type, n.Notification.Type);
            Assert.Equal("Signed tour poster", n.Notification.ProductTitle);
            Assert.Equal(104.50m, n.Notification.TotalPrice);
            Assert.Equal("/orders/order-1", n.Notification.Link);
        });
    }

    [Fact]
    public void The_english_wording_stays_for_older_clients()
    {
        var (_, buyer) = OrderNotifications.For(Event("order.paid")).Last();

        Assert.Equal("Payment received", buyer.Title);
        Assert.Equal("Your payment of 104.50 \u20ac for \u201cSigned tour poster\u201d went through; the seller will ship it.", buyer.Body);
    }

    [Fact]
    public void An_event_no_one_hears_of_notifies_no_one() =>
        Assert.Empty(OrderNotifications.For(Event("order.expired")));

    private static OrderEventMessage Event(string type) =>
        new("event-1", type, DateTimeOffset.UnixEpoch, "order-1", "Signed tour poster", "buyer-1", "seller-1", 104.50m);
}
