using Microsoft.Extensions.Logging;

namespace CollectorShop.Grains;

/// <summary>One user's request to sell: pending → approved | rejected, re-opened as pending by the user.</summary>
[GrainType("seller-request")]
public sealed class SellerRequestGrain(
    [PersistentState("seller-request", "shop")] IPersistentState<SellerRequestState> state,
    IReadModel readModel,
    TimeProvider time,
    ILogger<SellerRequestGrain> logger)
    : Grain, ISellerRequestGrain
{
    private ReadModelProjection<SellerRequest> Projection => field ??= new(this, DelayDeactivation, readModel.Project, logger);

    private SellerRequest? Current => state.State.Request;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is { } request)
        {
            await Projection.Publish(request, state);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Projection.OnDeactivate();

    public Task<SellerRequest?> Get() => Task.FromResult(Current);

    public async Task<SellerRequest> Open(string userId, string? message)
    {
        var now = time.GetUtcNow();
        if (Current is not { } request)
        {
            return await Store(new SellerRequest(
                Id: this.GetPrimaryKeyString(),
                UserId: userId,
                Status: SellerRequestStatus.Pending,
                Message: message,
                AdminMessage: null,
                CreatedAt: now,
                UpdatedAt: now));
        }

        if (request.UserId != userId)
        {
            throw new InvalidOperationException($"Seller request {request.Id} belongs to user {request.UserId}, not {userId}.");
        }

        if (request.Status == SellerRequestStatus.Pending && request.Message == message)
        {
            return request;
        }

        return await Store(request with
        {
            Status = SellerRequestStatus.Pending,
            Message = message,
            AdminMessage = null,
            UpdatedAt = now,
        });
    }

    public async Task<Outcome<SellerRequest>> Approve()
    {
        if (Current is not { } request)
        {
            return NotFound();
        }

        if (request.Status != SellerRequestStatus.Pending)
        {
            return NotPending(request);
        }

        // The user changes first: if this grain fails before storing "approved", the admin's retry grants again, harmlessly.
        await User(request).GrantSeller();
        return await Store(request with { Status = SellerRequestStatus.Approved, UpdatedAt = time.GetUtcNow() });
    }

    public async Task<Outcome<SellerRequest>> Reject(string? message)
    {
        if (Current is not { } request)
        {
            return NotFound();
        }

        if (request.Status != SellerRequestStatus.Pending)
        {
            return NotPending(request);
        }

        await User(request).DenySeller();
        return await Store(request with
        {
            Status = SellerRequestStatus.Rejected,
            AdminMessage = message,
            UpdatedAt = time.GetUtcNow(),
        });
    }

    private async Task<SellerRequest> Store(SellerRequest request)
    {
        await state.Save(state.State with { Request = request }, this);
        await Projection.Publish(request, state);
        return request;
    }

    private IUserGrain User(SellerRequest request) => GrainFactory.GetGrain<IUserGrain>(request.UserId);

    private static Refusal NotFound() => Refuse.NotFound("Seller request not found.");

    private static Refusal NotPending(SellerRequest request) =>
        Refuse.Conflict($"Only a pending request can be decided; this one is {request.Status.ToString().ToLowerInvariant()}.");
}
