using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Payments;
using CollectorShop.Silo.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Stripe;
using Stripe.Checkout;

namespace CollectorShop.Silo.Checkout;

/// <summary>Stripe's word on a Checkout session, believed only with a valid signature and acted on once per event.</summary>
public static class StripeWebhookEndpoints
{
    private const string SignatureHeader = "Stripe-Signature";

    public static IEndpointRouteBuilder MapStripeWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var stripe = routes.MapGroup("/api/payments/stripe");
        stripe.MapPost("/webhook", Receive).WithName("ReceiveStripeEvent").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok, BadRequest<ApiError>>> Receive(
        HttpRequest request, PaymentGateway gateway, StripeEvents handled, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (gateway.Stripe is not { } stripe)
        {
            return TypedResults.BadRequest(new ApiError("Stripe is not configured on this shop."));
        }

        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoints));
        var badSignature = TypedResults.BadRequest(new ApiError($"The {SignatureHeader} header is missing, does not match the body, or is too old."));
        if (request.Headers[SignatureHeader].ToString() is not { Length: > 0 } signature)
        {
            return badSignature;
        }

        // The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialised.
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        Event stripeEvent;
        try
        {
            // Only the event's id, type and session fields are read, which do not change between API versions.
            stripeEvent = EventUtility.ConstructEvent(payload, signature, stripe.WebhookSecret, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return badSignature;
        }
        catch (Exception exception)
        {
            // ConstructEvent only verifies and parses: whatever else it throws on, this body is no Stripe event.
            logger.LogWarning(exception, "A webhook body could not be read as a Stripe event");
            return TypedResults.BadRequest(new ApiError("The body is not a Stripe event."));
        }

        if (stripeEvent.Type is not (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionExpired)
            || stripeEvent.Data.Object is not Session session)
        {
            logger.LogDebug("Stripe event {EventId} of type {Type} ignored", stripeEvent.Id, stripeEvent.Type);
            return TypedResults.Ok();
        }

        var orderId = session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault("orderId");
        if (orderId is null || !ListingIds.CanExist(orderId))
        {
            logger.LogWarning("Stripe event {EventId} is about session {SessionId}, which names no order of the shop", stripeEvent.Id, session.Id);
            return TypedResults.Ok();
        }

        if (!await handled.Claim(stripeEvent.Id, stripeEvent.Type))
        {
            logger.LogInformation("Stripe event {EventId} was already handled", stripeEvent.Id);
            return TypedResults.Ok();
        }

        try
        {
            var outcome = await Apply(stripeEvent.Type, session, grains.GetGrain<IOrderGrain>(orderId));
            if (outcome?.Refusal is { } refusal)
            {
                logger.LogInformation(
                    "Stripe event {EventId} ({Type}) left order {OrderId} as it was: {Refusal}", stripeEvent.Id, stripeEvent.Type, orderId, refusal.Message);
            }
        }
        catch
        {
            await handled.Release(stripeEvent.Id);
            throw;
        }

        return TypedResults.Ok();
    }

    /// <summary>The grains decide what a late or out-of-order event does; null when the event asks nothing of the order.</summary>
    private static async Task<Outcome<Order>?> Apply(string type, Session session, IOrderGrain order)
    {
        if (type == EventTypes.CheckoutSessionCompleted)
        {
            // A delayed payment method completes the session unpaid; only money received pays the order.
            return session.PaymentStatus == "paid"
                ? await order.MarkPaid(new Payment(PaymentProvider.Stripe, session.Id, session.PaymentIntentId))
                : null;
        }

        // Only the order's own session ending unpaid ends the order.
        return (await order.Get())?.Checkout?.SessionId == session.Id ? await order.Expire() : null;
    }
}
