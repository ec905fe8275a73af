using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollectorShop.Grains;

/// <summary>One purchase: reserves its item, records the amounts, and lets the hold lapse when unpaid.</summary>
[GrainType("order")]
public sealed class OrderGrain(
    [PersistentState("order", "shop")] IPersistentState<OrderState> state,
    IReadModel readModel,
    IOptions<ShopOptions> options,
    TimeProvider time,
    ILogger<OrderGrain> logger)
    : Grain, IOrderGrain, IRemindable
{
    private ReadModelProjection<Order> Projection => field ??= new(this, DelayDeactivation, readModel.Project, logger);

    private ExpiryReminder PaymentDeadline => field ??= new(this, "order-expiry", time, logger);

    private Order? Current => state.State.Order;

    private string OrderId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } order)
        {
            return;
        }

        if (order is { Status: OrderStatus.Pending, ExpiresAt: { } expiresAt })
        {
            if (time.GetUtcNow() >= expiresAt)
            {
                await Expire(order);
                return;
            }

            await PaymentDeadline.Ensure(expiresAt);
        }

        await Projection.Publish(order, state);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Projection.OnDeactivate();

    public Task<Order?> Get() => Task.FromResult(Current);

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
            await state.Save(state.State with { Order = order }, this);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Order {OrderId} could not be stored; releasing listing {ListingId}", OrderId, productId);
            await ReleaseItem(productId);
            throw;
        }

        await Projection.Publish(order, state);
        return order;
    }

    public async Task<Outcome<Order>> Cancel(string buyerId)
    {
        if (Current is not { } order)
        {
            return Refuse.NotFound("Order not found.");
        }

        if (order.BuyerId != buyerId)
        {
            return Refuse.Forbidden("Only the buyer can cancel this order.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            return Refuse.Conflict($"Only a pending order can be cancelled; this one is {order.Status.ToString().ToLowerInvariant()}.");
        }

        return await Close(order, OrderStatus.Cancelled);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!PaymentDeadline.Is(reminderName))
        {
            return;
        }

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

        await Expire(order);
    }

    private Task<Order> Expire(Order order)
    {
        logger.LogInformation("Order {OrderId} expired unpaid; releasing listing {ListingId}", order.Id, order.ProductId);
        return Close(order, OrderStatus.Expired);
    }

    /// <summary>pending → cancelled | expired: the order is stored first, then its item is freed.</summary>
    private async Task<Order> Close(Order order, OrderStatus status)
    {
        var closed = order with { Status = status, UpdatedAt = time.GetUtcNow() };
        await state.Save(state.State with { Order = closed }, this);
        await Projection.Publish(closed, state);
        await PaymentDeadline.Clear();
        await ReleaseItem(order.ProductId);
        return closed;
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
}
