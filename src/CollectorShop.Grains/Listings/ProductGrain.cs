using Microsoft.Extensions.Logging;

namespace CollectorShop.Grains;

/// <summary>One listing: the only writer of its status, and the guard of its single reservation.</summary>
[GrainType("product")]
public sealed class ProductGrain(
    [PersistentState("product", "shop")] IPersistentState<ProductState> state,
    IReadModel readModel,
    IEventPublisher publisher,
    IOutboxIndex outboxIndex,
    TimeProvider time,
    ILogger<ProductGrain> logger)
    : Grain, IProductGrain, IRemindable
{
    private ReadModelProjection<Listing> Projection => field ??= new(this, DelayDeactivation, readModel.Project, logger);

    private Outbox Outbox => field ??= new(this, publisher, outboxIndex, () => state.State.Outbox, Forget, logger);

    private ExpiryReminder ReservationExpiry => field ??= new(this, "reservation-expiry", time, logger);

    private Listing? Current => state.State.Listing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } listing)
        {
            return;
        }

        switch (listing)
        {
            case { Status: ListingStatus.Reserved, Reservation: { } lapsed } when time.GetUtcNow() >= lapsed.Until:
                await ReleaseReservation(listing);
                break;
            case { Status: ListingStatus.Reserved, Reservation: { } reservation }:
                await ReservationExpiry.Ensure(reservation.Until);
                await Projection.Publish(listing, state);
                break;
            default:
                await Projection.Publish(listing, state);
                break;
        }

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

    public Task<Listing?> Get() => Task.FromResult(Current);

    public Task DeliverOutbox() => Outbox.Deliver();

    public async Task<Outcome<Listing>> Submit(ListingDraft draft, string sellerId, string sellerName)
    {
        if (Current is not null)
        {
            return Refuse.Conflict("This listing already exists.");
        }

        var now = time.GetUtcNow();
        var listing = new Listing(
            Id: this.GetPrimaryKeyString(),
            SellerId: sellerId,
            SellerName: sellerName,
            Title: draft.Title,
            Description: draft.Description,
            Price: draft.Price,
            Shipping: draft.Shipping,
            CategoryId: draft.CategoryId,
            Images: [.. draft.Images],
            Location: draft.Location,
            Status: ListingStatus.Pending,
            PriceHistory: [new PricePoint(draft.Price, now)],
            RejectionReason: null,
            Reservation: null,
            CreatedAt: now,
            UpdatedAt: now);
        return await Store(state.State with { Listing = listing }, ListingEvents.Submitted);
    }

    public async Task<Outcome<Listing>> Edit(ListingChanges changes, Actor actor)
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (actor.UserId != listing.SellerId && !actor.IsAdmin)
        {
            return Refuse.Forbidden("Only the listing's seller or an admin can edit it.");
        }

        if (listing.Status is not (ListingStatus.Pending or ListingStatus.Available or ListingStatus.Rejected))
        {
            return Refuse.Conflict($"A {Describe(listing.Status)} listing cannot be edited.");
        }

        var now = time.GetUtcNow();
        var edited = listing with
        {
            Title = changes.Title ?? listing.Title,
            Description = changes.Description ?? listing.Description,
            Price = changes.Price ?? listing.Price,
            Shipping = changes.Shipping ?? listing.Shipping,
            CategoryId = changes.CategoryId ?? listing.CategoryId,
            Images = changes.Images is { } images ? [.. images] : listing.Images,
            Location = changes.Location ?? listing.Location,
        };

        var priceChanged = edited.Price != listing.Price;
        var contentChanged = edited.Title != listing.Title
            || edited.Description != listing.Description
            || edited.CategoryId != listing.CategoryId
            || !edited.Images.SequenceEqual(listing.Images);
        var anythingChanged = priceChanged || contentChanged
            || edited.Shipping != listing.Shipping
            || edited.Location != listing.Location;

        // An edit is how a rejected listing goes back to moderation, even when nothing else changes.
        if (!anythingChanged && listing.Status != ListingStatus.Rejected)
        {
            return listing;
        }

        edited = edited with
        {
            Status = listing.Status == ListingStatus.Rejected || (listing.Status == ListingStatus.Available && contentChanged)
                ? ListingStatus.Pending
                : listing.Status,
            RejectionReason = null,
            PriceHistory = priceChanged ? [.. listing.PriceHistory, new PricePoint(edited.Price, now)] : listing.PriceHistory,
            UpdatedAt = now,
        };
        var events = new List<string>();
        if (priceChanged)
        {
            events.Add(ListingEvents.PriceChanged);
        }

        if (edited.Status == ListingStatus.Pending && listing.Status != ListingStatus.Pending)
        {
            events.Add(ListingEvents.Submitted);
        }

        return await Store(state.State with { Listing = edited }, [.. events]);
    }

    public async Task<Outcome<Listing>> Approve()
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (listing.Status != ListingStatus.Pending)
        {
            return Refuse.Conflict($"Only a pending listing can be approved; this one is {Describe(listing.Status)}.");
        }

        return await Store(state.State with
        {
            Listing = listing with { Status = ListingStatus.Available, UpdatedAt = time.GetUtcNow() },
        }, ListingEvents.Approved);
    }

    public async Task<Outcome<Listing>> Reject(string? reason)
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (listing.Status != ListingStatus.Pending)
        {
            return Refuse.Conflict($"Only a pending listing can be rejected; this one is {Describe(listing.Status)}.");
        }

        return await Store(state.State with
        {
            Listing = listing with { Status = ListingStatus.Rejected, RejectionReason = reason, UpdatedAt = time.GetUtcNow() },
        }, ListingEvents.Rejected);
    }

    public async Task<Outcome<Listing>> Withdraw(Actor actor)
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (actor.UserId != listing.SellerId)
        {
            return Refuse.Forbidden("Only the listing's seller can withdraw it.");
        }

        if (listing.Status is not (ListingStatus.Pending or ListingStatus.Available or ListingStatus.Rejected))
        {
            return Refuse.Conflict($"A {Describe(listing.Status)} listing cannot be withdrawn.");
        }

        return await Store(state.State with
        {
            Listing = listing with { Status = ListingStatus.Withdrawn, UpdatedAt = time.GetUtcNow() },
        });
    }

    /// <summary>Removing a removed listing again is a no-op that succeeds, like a repeated HTTP DELETE.</summary>
    public async Task<Outcome<Listing>> Remove()
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (listing.Status == ListingStatus.Removed)
        {
            return listing;
        }

        if (listing.Status == ListingStatus.Reserved)
        {
            return Refuse.Conflict("A reserved listing cannot be removed while its checkout is open.");
        }

        return await Store(state.State with
        {
            Listing = listing with { Status = ListingStatus.Removed, UpdatedAt = time.GetUtcNow() },
        });
    }

    public async Task<Outcome<Listing>> Reserve(string orderId, string buyerId, DateTimeOffset until)
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (listing.Reservation?.OrderId == orderId && listing.Status == ListingStatus.Reserved)
        {
            return listing;
        }

        if (buyerId == listing.SellerId)
        {
            return Refuse.Invalid("You cannot buy your own listing.");
        }

        if (listing.Status != ListingStatus.Available)
        {
            return Refuse.Conflict($"This item is not available: it is {Describe(listing.Status)}.");
        }

        var now = time.GetUtcNow();
        if (until <= now)
        {
            return Refuse.Invalid("A reservation must end in the future.");
        }

        // Registered before the write: a reminder without a reservation only clears itself.
        await ReservationExpiry.Set(until);
        return await Store(state.State with
        {
            Listing = listing with
            {
                Status = ListingStatus.Reserved,
                Reservation = new Reservation(orderId, buyerId, until),
                UpdatedAt = now,
            },
        });
    }

    public async Task<Listing?> Release(string orderId)
    {
        if (Current is not { } listing)
        {
            return null;
        }

        if (listing.Status != ListingStatus.Reserved || listing.Reservation?.OrderId != orderId)
        {
            return listing;
        }

        return await ReleaseReservation(listing);
    }

    public async Task<Outcome<Listing>> MarkSold(string orderId)
    {
        if (Current is not { } listing)
        {
            return NotFound();
        }

        if (listing.Status == ListingStatus.Sold && state.State.SoldToOrderId == orderId)
        {
            return listing;
        }

        if (listing.Status != ListingStatus.Reserved || listing.Reservation?.OrderId != orderId)
        {
            return Refuse.Conflict("This item is not held by this order.");
        }

        var sold = await Store(
            state.State with
            {
                Listing = listing with { Status = ListingStatus.Sold, Reservation = null, UpdatedAt = time.GetUtcNow() },
                SoldToOrderId = orderId,
            },
            ListingEvents.Sold);
        await ReservationExpiry.Clear();
        return sold;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Outbox.Is(reminderName))
        {
            await Outbox.OnReminder();
            return;
        }

        if (!ReservationExpiry.Is(reminderName))
        {
            return;
        }

        if (Current is not { Status: ListingStatus.Reserved, Reservation: { } reservation } listing)
        {
            await ReservationExpiry.Clear();
            return;
        }

        if (time.GetUtcNow() < reservation.Until)
        {
            await ReservationExpiry.Set(reservation.Until);
            return;
        }

        logger.LogInformation("Reservation of listing {ListingId} by order {OrderId} expired", listing.Id, reservation.OrderId);
        await ReleaseReservation(listing);
    }

    private async Task<Listing> ReleaseReservation(Listing listing)
    {
        var released = await Store(state.State with
        {
            Listing = listing with { Status = ListingStatus.Available, Reservation = null, UpdatedAt = time.GetUtcNow() },
        });
        await ReservationExpiry.Clear();
        return released;
    }

    /// <summary>One change: the new state and the events it causes in one write, then the read model and the broker hear of it.</summary>
    private async Task<Listing> Store(ProductState next, params string[] eventTypes)
    {
        var listing = next.Listing!;
        if (eventTypes.Length > 0)
        {
            await Outbox.BeforeRecording();
            var before = state.State.Listing;
            next = next with { Outbox = [.. next.Outbox, .. eventTypes.Select(type => ListingEvents.Of(type, before, listing, next.SoldToOrderId))] };
        }

        await state.Save(next, this);
        await Projection.Publish(listing, state);
        if (eventTypes.Length > 0)
        {
            await Outbox.Deliver();
        }

        return listing;
    }

    /// <summary>The write that forgets published events moves the state's version: the read-model row follows it.</summary>
    private async Task Forget(IReadOnlySet<string> published)
    {
        await state.Save(state.State with { Outbox = [.. state.State.Outbox.Where(e => !published.Contains(e.EventId))] }, this);
        await Projection.Publish(state.State.Listing!, state);
    }

    private static Refusal NotFound() => Refuse.NotFound("Listing not found.");

    private static string Describe(ListingStatus status) => status.ToString().ToLowerInvariant();
}
