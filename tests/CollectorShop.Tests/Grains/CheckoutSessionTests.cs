using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class CheckoutSessionTests(ShopCluster shop)
{
    private static CheckoutSession StripeSession(string id) => new(PaymentProvider.Stripe, id, $"https://checkout.stripe.com/c/pay/{id}");

    [Fact]
    public async Task A_pending_order_remembers_its_payment_session_without_an_event()
    {
        var (grain, order, _) = await shop.PendingOrder();

        var attached = Value(await grain.AttachCheckout(order.BuyerId, StripeSession("cs_test_first")));

        Assert.Equal(StripeSession("cs_test_first"), attached.Checkout);
        Assert.Equal(OrderStatus.Pending, attached.Status);
        Assert.Equal(StripeSession("cs_test_first"), (await grain.Get())!.Checkout);
        Assert.Equal(StripeSession("cs_test_first"), shop.ReadModel.Current<Order>(order.Id)!.Checkout);
        Assert.Equal(["order.created"], shop.Events.TypesOfOrder(order.Id));
    }

    [Fact]
    public async Task The_first_session_stays_so_a_retried_checkout_gets_it_back()
    {
        var (grain, order, _) = await shop.PendingOrder();
        Value(await grain.AttachCheckout(order.BuyerId, StripeSession("cs_test_first")));

        var again = Value(await grain.AttachCheckout(order.BuyerId, StripeSession("cs_test_second")));

        Assert.Equal("cs_test_first", again.Checkout!.SessionId);
    }

    [Fact]
    public async Task Only_the_buyer_can_open_a_payment_session()
    {
        var (grain, order, _) = await shop.PendingOrder();

        Refused(await grain.AttachCheckout(order.SellerId, StripeSession("cs_test_seller")), RefusalKind.Forbidden);
        Refused(await grain.AttachCheckout(ShopIds.New(), StripeSession("cs_test_stranger")), RefusalKind.Forbidden);
        Assert.Null((await grain.Get())!.Checkout);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Shipped)]
    public async Task An_order_that_is_no_longer_pending_opens_no_payment_session(OrderStatus status)
    {
        var (grain, order, _) = await shop.OrderIn(status);

        Refused(await grain.AttachCheckout(order.BuyerId, StripeSession("cs_test_late")), RefusalKind.Conflict);
        Assert.Null((await grain.Get())!.Checkout);
    }

    [Fact]
    public async Task Only_the_buyer_of_a_pending_order_may_pay_it()
    {
        var (pending, order, _) = await shop.PendingOrder();
        var (paid, paidOrder, _) = await shop.OrderIn(OrderStatus.Paid);

        Assert.Equal(order, Value(await pending.PayableBy(order.BuyerId)));
        Refused(await pending.PayableBy(order.SellerId), RefusalKind.Forbidden);
        Refused(await paid.PayableBy(paidOrder.BuyerId), RefusalKind.Conflict);
        Refused(await shop.Order(ShopIds.New()).PayableBy(order.BuyerId), RefusalKind.NotFound);
    }

    [Fact]
    public async Task An_unknown_order_opens_no_payment_session()
    {
        Refused(await shop.Order(ShopIds.New()).AttachCheckout(ShopIds.New(), StripeSession("cs_test_none")), RefusalKind.NotFound);
    }
}
