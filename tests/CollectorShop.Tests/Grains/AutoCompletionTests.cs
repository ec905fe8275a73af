using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

/// <summary>A cluster whose shipped orders complete after a few seconds instead of 14 days.</summary>
public sealed class QuickCompletionShop : IAsyncLifetime
{
    public static readonly TimeSpan AutoComplete = TimeSpan.FromSeconds(4);

    public ShopCluster Shop { get; } = new(options => options.AutoCompleteDays = AutoComplete.TotalDays);

    public Task InitializeAsync() => Shop.InitializeAsync();

    public Task DisposeAsync() => Shop.DisposeAsync();
}

public sealed class AutoCompletionTests(QuickCompletionShop fixture) : IClassFixture<QuickCompletionShop>
{
    private ShopCluster Shop => fixture.Shop;

    private IReminderHarnessGrain Reminders => Shop.Grains.GetGrain<IReminderHarnessGrain>(0);

    [Fact]
    public async Task A_shipped_order_completes_on_its_own_after_the_configured_time_even_when_nobody_calls_it()
    {
        var (grain, shipped, _) = await Shop.OrderIn(OrderStatus.Shipped);
        await Shop.Cluster.DeactivateAsync(grain);

        await Eventually.Holds(
            () => Shop.ReadModel.Current<Order>(shipped.Id)?.Status == OrderStatus.Completed,
            QuickCompletionShop.AutoComplete + TimeSpan.FromSeconds(30),
            "the auto-completion reminder completed the order");

        var completed = Shop.ReadModel.Current<Order>(shipped.Id)!;
        Assert.True(completed.CompletedAt >= shipped.ShippedAt + QuickCompletionShop.AutoComplete);
        Assert.Equal(OrderEvents.Completed, Shop.Events.TypesOfOrder(shipped.Id)[^1]);
        Assert.Equivalent(completed, Value(await grain.ConfirmReceipt(shipped.BuyerId)));
    }

    [Fact]
    public async Task A_shipped_order_activated_after_its_completion_time_completes_even_without_its_reminder()
    {
        var (grain, shipped, _) = await Shop.OrderIn(OrderStatus.Shipped);
        Assert.True(await Reminders.Forget(grain.GetGrainId(), "order-auto-complete"));
        await Shop.Cluster.DeactivateAsync(grain);

        await Task.Delay(shipped.ShippedAt!.Value + QuickCompletionShop.AutoComplete - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Shipped, Shop.ReadModel.Current<Order>(shipped.Id)!.Status);

        Assert.Equal(OrderStatus.Completed, (await grain.Get())!.Status);
    }

    [Fact]
    public async Task A_refunded_order_never_completes_on_its_own()
    {
        var (grain, shipped, _) = await Shop.OrderIn(OrderStatus.Shipped);
        var refunded = Value(await grain.Refund());

        await Task.Delay(QuickCompletionShop.AutoComplete + TimeSpan.FromSeconds(2));

        Assert.Equivalent(refunded, await grain.Get());
        Assert.False(await Reminders.Has(grain.GetGrainId(), "order-auto-complete"));
        Assert.Equal(OrderStatus.Refunded, Shop.ReadModel.Current<Order>(shipped.Id)!.Status);
    }
}
