using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class NotificationInboxTests(ShopCluster shop)
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Notifications_are_listed_newest_first_whatever_order_they_arrive_in()
    {
        var inbox = Inbox();
        await inbox.Add(Notice("b", Monday.AddHours(2)));
        await inbox.Add(Notice("a", Monday));
        await inbox.Add(Notice("c", Monday.AddHours(5)));

        Assert.Equal(["c", "b", "a"], (await inbox.List(unreadOnly: false)).Select(n => n.Id));
    }

    [Fact]
    public async Task Adding_a_notification_again_changes_nothing()
    {
        var inbox = Inbox();
        await inbox.Add(Notice("paid", Monday));
        await inbox.MarkRead("paid");

        await inbox.Add(Notice("paid", Monday) with { Title = "Replayed" });

        var only = Assert.Single(await inbox.List(unreadOnly: false));
        Assert.True(only.Read);
        Assert.Equal("Paid: ship it", only.Title);
    }

    [Fact]
    public async Task Marking_read_keeps_the_notification_but_hides_it_from_the_unread_list()
    {
        var inbox = Inbox();
        await inbox.Add(Notice("one", Monday));
        await inbox.Add(Notice("two", Monday.AddMinutes(1)));

        Assert.True(await inbox.MarkRead("one"));
        Assert.True(await inbox.MarkRead("one"));

        Assert.Equal(["two"], (await inbox.List(unreadOnly: true)).Select(n => n.Id));
        Assert.Equal([false, true], (await inbox.List(unreadOnly: false)).Select(n => n.Read));
    }

    [Fact]
    public async Task Marking_an_unknown_notification_read_is_false()
    {
        var inbox = Inbox();
        await inbox.Add(Notice("mine", Monday));

        Assert.False(await inbox.MarkRead("someone-elses"));
        Assert.False((await inbox.List(unreadOnly: false))[0].Read);
    }

    [Fact]
    public async Task A_full_inbox_keeps_the_newest_notifications()
    {
        var inbox = Inbox();
        for (var i = 0; i < NotificationInboxGrain.Capacity + 5; i++)
        {
            await inbox.Add(Notice($"n{i:D3}", Monday.AddMinutes(i)));
        }

        var kept = await inbox.List(unreadOnly: false);
        Assert.Equal(NotificationInboxGrain.Capacity, kept.Count);
        Assert.Equal($"n{NotificationInboxGrain.Capacity + 4:D3}", kept[0].Id);
        Assert.Equal("n005", kept[^1].Id);
    }

    [Fact]
    public async Task The_inbox_survives_deactivation()
    {
        var inbox = Inbox();
        await inbox.Add(Notice("kept", Monday));

        await shop.Cluster.DeactivateAsync(inbox);

        Assert.Equal(["kept"], (await inbox.List(unreadOnly: false)).Select(n => n.Id));
    }

    private INotificationInboxGrain Inbox() => shop.Grains.GetGrain<INotificationInboxGrain>(ShopIds.New());

    private static Notification Notice(string id, DateTimeOffset at) =>
        new(id, "order.paid", "Paid: ship it", "Ship it.", "/orders/1", at, Read: false);
}
