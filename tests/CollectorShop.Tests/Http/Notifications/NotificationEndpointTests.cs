using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Tests.Grains;

namespace CollectorShop.Tests.Http.Notifications;

/// <summary>One shop host in the embedded default: no RabbitMQ:Url, so order events reach the consumer in-process.</summary>
public sealed class EmbeddedShop : IAsyncLifetime
{
    public ShopHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Host.DisposeAndDelete();
}

public sealed class NotificationEndpointTests(EmbeddedShop shop) : IClassFixture<EmbeddedShop>
{
    private ShopHost Host => shop.Host;

    [Fact]
    public async Task An_orders_life_notifies_the_seller_and_the_buyer_newest_first()
    {
        var (seller, buyer, order) = await PaidThenShippedThenCompletedOrder();

        var sellerNotes = await Notifications(seller.Client);
        var buyerNotes = await Notifications(buyer.Client);

        Assert.Equal(["order.completed", "order.paid", "order.created"], sellerNotes.Select(n => n.GetProperty("type").GetString()));
        Assert.Equal(["order.shipped", "order.paid"], buyerNotes.Select(n => n.GetProperty("type").GetString()));
        var shipIt = sellerNotes[1];
        Assert.Equal(
            ["id", "type", "title", "body", "link", "createdAt", "read", "audience", "productTitle", "totalPrice"],
            shipIt.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Paid: ship it", shipIt.GetProperty("title").GetString());
        Assert.Contains("Signed tour poster", shipIt.GetProperty("body").GetString());
        Assert.Equal("seller", shipIt.GetProperty("audience").GetString());
        Assert.Equal("Signed tour poster", shipIt.GetProperty("productTitle").GetString());
        Assert.Equal(order.TotalPrice, shipIt.GetProperty("totalPrice").GetDecimal());
        Assert.All(sellerNotes, n => Assert.Equal("seller", n.GetProperty("audience").GetString()));
        Assert.All(buyerNotes, n => Assert.Equal("buyer", n.GetProperty("audience").GetString()));
        Assert.Equal($"/orders/{order.Id}", shipIt.GetProperty("link").GetString());
        Assert.False(shipIt.GetProperty("read").GetBoolean());
        Assert.All(sellerNotes.Concat(buyerNotes), n => Assert.True(n.GetProperty("createdAt").GetDateTimeOffset() >= order.CreatedAt));
    }

    [Fact]
    public async Task Reading_a_notification_takes_it_off_the_unread_list()
    {
        var (seller, _, _) = await PaidThenShippedThenCompletedOrder();
        var first = (await Notifications(seller.Client))[0].GetProperty("id").GetString();

        var read = await seller.Client.PostAsync($"/api/notifications/{first}/read", null);
        var again = await seller.Client.PostAsync($"/api/notifications/{first}/read", null);

        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var unread = await Notifications(seller.Client, "?unread=true");
        Assert.Equal(2, unread.Count);
        Assert.DoesNotContain(unread, n => n.GetProperty("id").GetString() == first);
        Assert.True((await Notifications(seller.Client, "?unread=false")).Single(n => n.GetProperty("id").GetString() == first).GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task Someone_elses_or_an_unknown_notification_is_not_found()
    {
        var (seller, buyer, _) = await PaidThenShippedThenCompletedOrder();
        var sellers = (await Notifications(seller.Client))[0].GetProperty("id").GetString();

        var other = await buyer.Client.PostAsync($"/api/notifications/{sellers}/read", null);
        var unknown = await buyer.Client.PostAsync("/api/notifications/no-such-notification/read", null);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("Notification not found.", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False((await Notifications(seller.Client)).Single(n => n.GetProperty("id").GetString() == sellers).GetProperty("read").GetBoolean());
    }

    [Theory]
    [InlineData("?unread=yes")]
    [InlineData("?unread=1")]
    [InlineData("?unread=")]
    public async Task An_unread_filter_that_is_not_a_boolean_is_a_bad_request(string query)
    {
        var (client, _) = await Host.SignedInUser();

        var response = await client.GetAsync($"/api/notifications{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["unread must be true or false."], error.GetProperty("errors").GetProperty("unread").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_new_user_has_no_notifications()
    {
        var (client, _) = await Host.SignedInUser();

        Assert.Empty(await Notifications(client));
    }

    [Fact]
    public async Task Notifications_need_an_active_account()
    {
        var (inactive, _) = await Host.SignedInUser(active: false);
        var anonymous = Host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/notifications/x/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inactive.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inactive.PostAsync("/api/notifications/x/read", null)).StatusCode);
    }

    /// <summary>A seller's listing bought, paid, shipped and received through the grains; waits for the consumer's six notifications.</summary>
    private async Task<((HttpClient Client, UserProfile User) Seller, (HttpClient Client, UserProfile User) Buyer, Order Order)> PaidThenShippedThenCompletedOrder()
    {
        var seller = await Host.SignedInUser(Role.Seller);
        var buyer = await Host.SignedInUser();
        var product = Host.Grains.GetGrain<IProductGrain>(ShopIds.New());
        await product.Submit(Arrange.Draft(), seller.User.Id, seller.User.Name);
        await product.Approve();
        var grain = Host.Grains.GetGrain<IOrderGrain>(ShopIds.New());
        var order = Arrange.Value(await grain.Place((await product.Get())!.Id, buyer.User.Id, buyer.User.Email));
        Arrange.Value(await grain.MarkPaid(ArrangeOrders.DevPayment()));
        Arrange.Value(await grain.Ship(seller.User.Id, "Colissimo", "8R1"));
        Arrange.Value(await grain.ConfirmReceipt(buyer.User.Id));

        var sellerInbox = Host.Grains.GetGrain<INotificationInboxGrain>(seller.User.Id);
        var buyerInbox = Host.Grains.GetGrain<INotificationInboxGrain>(buyer.User.Id);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await sellerInbox.List(false)).Count < 3 || (await buyerInbox.List(false)).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The consumer did not notify the seller and the buyer within 20 s.");
            await Task.Delay(100);
        }

        return (seller, buyer, order);
    }

    private static async Task<List<JsonElement>> Notifications(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/notifications{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
