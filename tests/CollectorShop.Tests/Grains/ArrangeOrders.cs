using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

/// <summary>Brings orders into a given status through the order grain's own methods.</summary>
public static class ArrangeOrders
{
    public static Payment DevPayment(string? sessionId = null) => new(PaymentProvider.Dev, sessionId ?? $"dev_{ShopIds.New()}", null);

    /// <summary>A new pending order of a new buyer for a new available listing.</summary>
    public static async Task<(IOrderGrain Grain, Order Order, IProductGrain Product)> PendingOrder(this ShopCluster shop, decimal price = 100m)
    {
        var (product, listing) = await shop.AvailableListing(price: price);
        var grain = shop.Order(ShopIds.New());
        var order = Value(await grain.Place(listing.Id, ShopIds.New(), $"{ShopIds.New()}@example.com"));
        return (grain, order, product);
    }

    /// <summary>An order in the given status; a paid, shipped, completed or refunded one was paid through the dev gateway.</summary>
    public static async Task<(IOrderGrain Grain, Order Order, IProductGrain Product)> OrderIn(this ShopCluster shop, OrderStatus status)
    {
        var (grain, order, product) = await shop.PendingOrder();
        order = status switch
        {
            OrderStatus.Pending => order,
            OrderStatus.Cancelled => Value(await grain.Cancel(order.BuyerId)),
            OrderStatus.Expired => Value(await grain.Expire()),
            _ => Value(await grain.MarkPaid(DevPayment())),
        };
        if (status is OrderStatus.Shipped or OrderStatus.Completed)
        {
            order = Value(await grain.Ship(order.SellerId, "La Poste", "6A123456789"));
        }

        order = status switch
        {
            OrderStatus.Completed => Value(await grain.ConfirmReceipt(order.BuyerId)),
            OrderStatus.Refunded => Value(await grain.Refund()),
            _ => order,
        };
        Assert.Equal(status, order.Status);
        return (grain, order, product);
    }
}
