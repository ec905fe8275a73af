namespace CollectorShop.Grains;

[GenerateSerializer, Alias("OrderStatus")]
public enum OrderStatus { Pending, Paid, Shipped, Completed, Cancelled, Expired, Refunded }

[GenerateSerializer, Alias("PaymentProvider")]
public enum PaymentProvider { Stripe, Dev }

/// <summary>How an order was paid: the provider, its checkout session, and the payment intent once the provider names it.</summary>
[GenerateSerializer, Immutable, Alias("Payment")]
public sealed record Payment(PaymentProvider Provider, string SessionId, string? PaymentIntentId);

/// <summary>The payment page opened for a pending order: its provider, the provider's session id, and where the buyer pays.</summary>
[GenerateSerializer, Immutable, Alias("CheckoutSession")]
public sealed record CheckoutSession(PaymentProvider Provider, string SessionId, string Url);

/// <summary>The listing as it was when ordered.</summary>
[GenerateSerializer, Immutable, Alias("ProductSnapshot")]
public sealed record ProductSnapshot(
    string Id,
    string Title,
    string Description,
    string? Image,
    decimal Price,
    decimal Shipping,
    string CategoryId,
    string SellerName);

[GenerateSerializer, Immutable, Alias("Order")]
public sealed record Order(
    string Id,
    string ProductId,
    string BuyerId,
    string BuyerEmail,
    string SellerId,
    OrderStatus Status,
    int Quantity,
    decimal Price,
    decimal Shipping,
    decimal TotalPrice,
    decimal Commission,
    decimal SellerPayout,
    ProductSnapshot Product,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? CompletedAt,
    string? Carrier,
    string? TrackingNumber,
    Payment? Payment = null,
    DateTimeOffset? CancelledAt = null,
    DateTimeOffset? ExpiredAt = null,
    DateTimeOffset? RefundedAt = null,
    CheckoutSession? Checkout = null);

/// <summary>One purchase, keyed by its server-chosen id.</summary>
[Alias("IOrderGrain")]
public interface IOrderGrain : IOutboxGrain
{
    [Alias("Get")] Task<Order?> Get();

    /// <summary>Reserves the product for this order and records it as pending. NotFound unknown product, Conflict not available, Invalid own listing.</summary>
    [Alias("Place")] Task<Outcome<Order>> Place(string productId, string buyerId, string buyerEmail);

    /// <summary>The order, if the buyer may pay it now: Forbidden for anyone but the buyer, Conflict unless pending.</summary>
    [Alias("PayableBy")] Task<Outcome<Order>> PayableBy(string buyerId);

    /// <summary>
    /// Remembers the payment session opened for this pending order. The first one stays: a retried checkout
    /// gets it back instead of a second one. Forbidden for anyone but the buyer, Conflict unless pending.
    /// </summary>
    [Alias("AttachCheckout")] Task<Outcome<Order>> AttachCheckout(string buyerId, CheckoutSession session);

    /// <summary>The buyer cancels: pending → cancelled, the item is released.</summary>
    [Alias("Cancel")] Task<Outcome<Order>> Cancel(string buyerId);

    /// <summary>
    /// A verified payment notice (Stripe webhook or development gateway): pending → paid and the item is sold.
    /// A repeat for the same session is a no-op; another session of a paid order is a Conflict. A payment that
    /// arrives after the hold lapsed (cancelled, expired, or the item's reservation ended) buys the item if it is
    /// still available at the ordered price and shipping; otherwise the money goes back and the order ends refunded.
    /// </summary>
    [Alias("MarkPaid")] Task<Outcome<Order>> MarkPaid(Payment payment);

    /// <summary>The payment session ended unpaid: pending → expired now, the item is released.</summary>
    [Alias("Expire")] Task<Outcome<Order>> Expire();

    /// <summary>The item's seller sends it: paid → shipped; completes on its own after Shop:AutoCompleteDays.</summary>
    [Alias("Ship")] Task<Outcome<Order>> Ship(string sellerId, string? carrier, string? trackingNumber);

    /// <summary>The buyer received the item: shipped → completed.</summary>
    [Alias("ConfirmReceipt")] Task<Outcome<Order>> ConfirmReceipt(string buyerId);

    /// <summary>Admin refund: paid | shipped → refunded, once the payment provider took the refund.</summary>
    [Alias("Refund")] Task<Outcome<Order>> Refund();
}
