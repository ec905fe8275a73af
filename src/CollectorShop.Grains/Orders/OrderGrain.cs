using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollectorShop.Grains;

/// <summary>One purchase: reserves its item, records the amounts, and follows it from payment to completion or refund.</summary>
[GrainType("order")]
public sealed class OrderGrain(
    [PersistentState("order", "shop")] IPersistentState<OrderState> state,
    IReadModel readModel,
    IEventPublisher publisher,
    IOutboxIndex outboxIndex,
    IPaymentRefunds refunds,
    IOptions<ShopOptions> options,
    TimeProvider time,
    ILogger<OrderGrain> logger)
    : Grain, IOrderGrain, IRemindable
{
    private ReadModelProjection<Order> Projection => field ??= new(this, DelayDeactivation, readModel.Project, logger);

    private Outbox Outbox => field ??= new(this, publisher, outboxIndex, () => state.State.Outbox, Forget, logger);

    private ExpiryReminder PaymentDeadline => field ??= new(this, "order-expiry", time, logger);

    private ExpiryReminder AutoCompletion => field ??= new(this, "order-auto-complete", time, logger);

    private Order? Current => state.State.Order;

    private string OrderId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } order)
        {
            return;
        }

        switch (order)
        {
            case { Status: OrderStatus.Pending, ExpiresAt: { } expiresAt }:
                if (time.GetUtcNow() >= expiresAt)
                {
                    await ExpireNow(order);
                    return;
                }

                await PaymentDeadline.Ensure(expiresAt);
                break;
            case { Status: OrderStatus.Shipped, ShippedAt: { } shippedAt }:
                var due = shippedAt + options.Value.AutoCompleteDelay;
                if (time.GetUtcNow() >= due)
                {
                    await Complete(order);
                    return;
                }

                await AutoCompletion.Ensure(due);
                break;
        }

        await Projection.Publish(order, state);
        if (state.State.Outbox.Count > 0)
        {
            await Outbox.Deliver();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Outbox.OnDeactivate();
        await Projection.OnDeactivate();
    }

    public Task<Order?> Get() => Task.FromResult(Current);

    public Task DeliverOutbox() => Outbox.Deliver();

    public async Task<Outcome<Order>> Place(string productId, string buyerId, string buyerEmail)
    {
        if (Current is { } existing)
        {
            return existing.ProductId == productId && existing.BuyerId == buyerId
                ? existing
                : Refuse.Conflict("This order already exists for another purchase.");
        }

        var now = time.GetUtcNow();
        var until = now + options.Value.ReservationDuration;

        // The listing answers NotFound, Conflict or Invalid itself; its refusal is the order's.
        var reserved = await GrainFactory.GetGrain<IProductGrain>(productId).Reserve(OrderId, buyerId, until);
        if (reserved is not { Succeeded: true, Value: { } listing })
        {
            return reserved.Refusal!;
        }

        var price = listing.Price;
        var shipping = listing.Shipping;
        var totalPrice = price + shipping;
        var commission = Math.Round(price * options.Value.CommissionRate, 2, MidpointRounding.AwayFromZero);
        var order = new Order(
            Id: OrderId,
            ProductId: listing.Id,
            BuyerId: buyerId,
            BuyerEmail: buyerEmail,
            SellerId: listing.SellerId,
            Status: OrderStatus.Pending,
            Quantity: 1,
            Price: price,
            Shipping: shipping,
            TotalPrice: totalPrice,
            Commission: commission,
            SellerPayout: totalPrice - commission,
            Product: new ProductSnapshot(
                listing.Id,
                listing.Title,
                listing.Description,
                listing.Images.Count > 0 ? listing.Images[0] : null,
                price,
                shipping,
                listing.CategoryId,
                listing.SellerName),
            CreatedAt: now,
            UpdatedAt: now,
            ExpiresAt: until,
            PaidAt: null,
            ShippedAt: null,
            CompletedAt: null,
            Carrier: null,
            TrackingNumber: null);

        try
        {
            await PaymentDeadline.Set(until);
            await Outbox.BeforeRecording();
            await Store(order, OrderEvents.Created);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Order {OrderId} could not be stored; releasing listing {ListingId}", OrderId, productId);
            await ReleaseItem(productId);
            throw;
        }

        await Deliver(order);
        return order;
    }

    public Task<Outcome<Order>> PayableBy(string buyerId) => Task.FromResult(Payable(buyerId));

    public async Task<Outcome<Order>> AttachCheckout(string buyerId, CheckoutSession session)
    {
        var payable = Payable(buyerId);
        if (payable is not { Succeeded: true, Value: { } order } || order.Checkout is not null)
        {
            return payable;
        }

        // Not a transition: no event, but the read model should carry the session like the grain does.
        var attached = order with { Checkout = session };
        await Store(attached);
        await Projection.Publish(attached, state);
        return attached;
    }

    public async Task<Outcome<Order>> Cancel(string buyerId)
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        if (order.BuyerId != buyerId)
        {
            return Refuse.Forbidden("Only the buyer can cancel this order.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            return Refuse.Conflict($"Only a pending order can be cancelled; this one is {Describe(order.Status)}.");
        }

        return await Close(order, OrderStatus.Cancelled);
    }

    public async Task<Outcome<Order>> Expire()
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        return order.Status switch
        {
            OrderStatus.Pending => await ExpireNow(order),
            OrderStatus.Expired => order,
            _ => Refuse.Conflict($"Only a pending order can expire; this one is {Describe(order.Status)}."),
        };
    }

    public async Task<Outcome<Order>> MarkPaid(Payment payment)
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        if (order.Payment is { } recorded && recorded.SessionId != payment.SessionId)
        {
            return Refuse.Conflict("This order was already paid through another payment session.");
        }

        if (order.Status is not (OrderStatus.Pending or OrderStatus.Cancelled or OrderStatus.Expired))
        {
            return order.Payment is not null
                ? order
                : Refuse.Conflict($"This order cannot be paid: it is {Describe(order.Status)}.");
        }

        // A payment recorded on an unpaid order means the refund was decided and has not finished yet.
        if (order.Payment is null && await TakeItem(order))
        {
            var now = time.GetUtcNow();
            var paid = await Record(
                order with { Status = OrderStatus.Paid, Payment = payment, PaidAt = now, UpdatedAt = now },
                OrderEvents.Paid);
            await PaymentDeadline.Clear();
            return paid;
        }

        return await RefundLatePayment(order, payment);
    }

    public async Task<Outcome<Order>> Ship(string sellerId, string? carrier, string? trackingNumber)
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        if (order.SellerId != sellerId)
        {
            return Refuse.Forbidden("Only the item's seller can ship this order.");
        }

        if (order is { Status: OrderStatus.Shipped } && order.Carrier == carrier && order.TrackingNumber == trackingNumber)
        {
            return order;
        }

        if (order.Status != OrderStatus.Paid)
        {
            return Refuse.Conflict($"Only a paid order can be shipped; this one is {Describe(order.Status)}.");
        }

        var now = time.GetUtcNow();
        var shipped = await Record(
            order with { Status = OrderStatus.Shipped, ShippedAt = now, Carrier = carrier, TrackingNumber = trackingNumber, UpdatedAt = now },
            OrderEvents.Shipped);
        await AutoCompletion.Set(now + options.Value.AutoCompleteDelay);
        return shipped;
    }

    public async Task<Outcome<Order>> ConfirmReceipt(string buyerId)
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        if (order.BuyerId != buyerId)
        {
            return Refuse.Forbidden("Only the buyer can confirm receipt of this order.");
        }

        return order.Status switch
        {
            OrderStatus.Shipped => await Complete(order),
            OrderStatus.Completed => order,
            _ => Refuse.Conflict($"Only a shipped order can be confirmed as received; this one is {Describe(order.Status)}."),
        };
    }

    public async Task<Outcome<Order>> Refund()
    {
        if (Current is not { } order)
        {
            return NotFound();
        }

        if (order.Status == OrderStatus.Refunded)
        {
            return order;
        }

        if (order is not { Status: OrderStatus.Paid or OrderStatus.Shipped, Payment: { } payment })
        {
            return Refuse.Conflict($"Only a paid or shipped order can be refunded; this one is {Describe(order.Status)}.");
        }

        await refunds.Refund(new RefundRequest(OrderId, payment, order.TotalPrice), CancellationToken.None);
        var now = time.GetUtcNow();
        var refunded = await Record(order with { Status = OrderStatus.Refunded, RefundedAt = now, UpdatedAt = now }, OrderEvents.Refunded);
        await AutoCompletion.Clear();
        return refunded;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Outbox.Is(reminderName))
        {
            await Outbox.OnReminder();
        }
        else if (PaymentDeadline.Is(reminderName))
        {
            await OnPaymentDeadline();
        }
        else if (AutoCompletion.Is(reminderName))
        {
            await OnAutoCompletion();
        }
    }

    private async Task OnPaymentDeadline()
    {
        if (Current is not { Status: OrderStatus.Pending, ExpiresAt: { } expiresAt } order)
        {
            await PaymentDeadline.Clear();
            return;
        }

        if (time.GetUtcNow() < expiresAt)
        {
            await PaymentDeadline.Set(expiresAt);
            return;
        }

        await ExpireNow(order);
    }

    private async Task OnAutoCompletion()
    {
        if (Current is not { Status: OrderStatus.Shipped, ShippedAt: { } shippedAt } order)
        {
            await AutoCompletion.Clear();
            return;
        }

        var due = shippedAt + options.Value.AutoCompleteDelay;
        if (time.GetUtcNow() < due)
        {
            await AutoCompletion.Set(due);
            return;
        }

        logger.LogInformation("Order {OrderId} completes on its own, {Days} days after shipping", order.Id, options.Value.AutoCompleteDays);
        await Complete(order);
    }

    private async Task<Order> Complete(Order order)
    {
        var now = time.GetUtcNow();
        var completed = await Record(order with { Status = OrderStatus.Completed, CompletedAt = now, UpdatedAt = now }, OrderEvents.Completed);
        await AutoCompletion.Clear();
        return completed;
    }

    private Task<Order> ExpireNow(Order order)
    {
        logger.LogInformation("Order {OrderId} expired unpaid; releasing listing {ListingId}", order.Id, order.ProductId);
        return Close(order, OrderStatus.Expired);
    }

    /// <summary>pending → cancelled | expired: the order is stored first, then its item is freed.</summary>
    private async Task<Order> Close(Order order, OrderStatus status)
    {
        var now = time.GetUtcNow();
        var closed = status == OrderStatus.Cancelled
            ? order with { Status = status, CancelledAt = now, UpdatedAt = now }
            : order with { Status = status, ExpiredAt = now, UpdatedAt = now };
        await Record(closed, status == OrderStatus.Cancelled ? OrderEvents.Cancelled : OrderEvents.Expired);
        await PaymentDeadline.Clear();
        await ReleaseItem(order.ProductId);
        return closed;
    }

    /// <summary>
    /// Sells the item to this order: the reservation it holds, or — when the hold lapsed — the item itself
    /// if it is still available at the price and shipping the buyer paid. False when someone else has it.
    /// </summary>
    private async Task<bool> TakeItem(Order order)
    {
        var product = GrainFactory.GetGrain<IProductGrain>(order.ProductId);
        if ((await product.MarkSold(OrderId)).Succeeded)
        {
            return true;
        }

        var held = await product.Reserve(OrderId, order.BuyerId, time.GetUtcNow() + options.Value.ReservationDuration);
        if (held is not { Succeeded: true, Value: { } listing })
        {
            return false;
        }

        if (listing.Price == order.Price && listing.Shipping == order.Shipping && (await product.MarkSold(OrderId)).Succeeded)
        {
            logger.LogInformation("Order {OrderId} was paid after its hold lapsed; the item was still available and is sold to it", OrderId);
            return true;
        }

        await ReleaseItem(order.ProductId);
        return false;
    }

    /// <summary>
    /// The item went to someone else: the payment is recorded first (so a retried notice goes on with the
    /// refund instead of trying to buy the item again), then refunded, then the order ends refunded.
    /// </summary>
    private async Task<Order> RefundLatePayment(Order order, Payment payment)
    {
        logger.LogWarning("Order {OrderId} was paid after its item went to someone else; refunding the payment", OrderId);
        if (order.Payment is null)
        {
            order = order with { Payment = payment };
            await Store(order);
            await Projection.Publish(order, state);
        }

        await refunds.Refund(new RefundRequest(OrderId, payment, order.TotalPrice), CancellationToken.None);
        var now = time.GetUtcNow();
        var refunded = await Record(
            order with { Status = OrderStatus.Refunded, PaidAt = now, RefundedAt = now, UpdatedAt = now },
            OrderEvents.Refunded);
        await PaymentDeadline.Clear();
        return refunded;
    }

    /// <summary>One transition: the new snapshot and its event in one write, then the read model and the broker hear of it.</summary>
    private async Task<Order> Record(Order next, string eventType)
    {
        await Outbox.BeforeRecording();
        await Store(next, eventType);
        await Deliver(next);
        return next;
    }

    private Task Store(Order next, params string[] eventTypes) => state.Save(
        state.State with { Order = next, Outbox = [.. state.State.Outbox, .. eventTypes.Select(type => OrderEvents.Of(type, next))] },
        this);

    private async Task Deliver(Order stored)
    {
        await Projection.Publish(stored, state);
        await Outbox.Deliver();
    }

    /// <summary>The write that forgets published events moves the state's version: the read-model row follows it.</summary>
    private async Task Forget(IReadOnlySet<string> published)
    {
        await state.Save(state.State with { Outbox = [.. state.State.Outbox.Where(e => !published.Contains(e.EventId))] }, this);
        await Projection.Publish(state.State.Order!, state);
    }

    /// <summary>Best effort: if the listing cannot be reached now, its own reminder frees it at the reservation's end.</summary>
    private async Task ReleaseItem(string productId)
    {
        try
        {
            await GrainFactory.GetGrain<IProductGrain>(productId).Release(OrderId);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Order {OrderId} could not release listing {ListingId}; its reservation will lapse on its own", OrderId, productId);
        }
    }

    private Outcome<Order> Payable(string buyerId) => Current switch
    {
        null => NotFound(),
        { } order when order.BuyerId != buyerId => Refuse.Forbidden("Only the buyer can pay for this order."),
        { Status: not OrderStatus.Pending } order => Refuse.Conflict($"Only a pending order can be paid; this one is {Describe(order.Status)}."),
        { } order => order,
    };

    private static Refusal NotFound() => Refuse.NotFound("Order not found.");

    private static string Describe(OrderStatus status) => status.ToString().ToLowerInvariant();
}
