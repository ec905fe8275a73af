using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

/// <summary>
/// A read model that keeps every projection it receives, in memory, and can be switched off
/// to play an outage. Like the SQL one, its current row per object is the highest version.
/// </summary>
public sealed class RecordingReadModel : IReadModel
{
    private readonly Lock gate = new();
    private readonly List<Projection> received = [];
    private volatile bool down;

    public sealed record Projection(string Id, object Snapshot, int Version);

    /// <summary>While down, every projection throws, as a lost database connection would.</summary>
    public bool IsDown { get => down; set => down = value; }

    public Task Project(Listing listing, int version) => Record(listing.Id, listing, version);

    public Task Project(Order order, int version) => Record(order.Id, order, version);

    public Task Project(UserProfile user, int version) => Record(user.Id, user, version);

    public Task Project(SellerRequest request, int version) => Record(request.Id, request, version);

    public Task<int> CountListings(string categoryId)
    {
        var listings = All<Listing>().GroupBy(listing => listing.Id).Select(rows => Current<Listing>(rows.Key)!);
        return Task.FromResult(listings.Count(listing => listing.CategoryId == categoryId && listing.Status != ListingStatus.Removed));
    }

    /// <summary>Every version of the object received, in arrival order.</summary>
    public IReadOnlyList<int> VersionsOf<T>(string id)
    {
        lock (gate)
        {
            return [.. received.Where(row => row.Id == id && row.Snapshot is T).Select(row => row.Version)];
        }
    }

    /// <summary>The row a query would see: the highest version received (the latest of equal ones).</summary>
    public T? Current<T>(string id) where T : class => CurrentRow<T>(id)?.Snapshot as T;

    public int? CurrentVersion<T>(string id) where T : class => CurrentRow<T>(id)?.Version;

    public IReadOnlyList<T> All<T>()
    {
        lock (gate)
        {
            return [.. received.Select(row => row.Snapshot).OfType<T>()];
        }
    }

    private Projection? CurrentRow<T>(string id)
    {
        lock (gate)
        {
            return received.Where(row => row.Id == id && row.Snapshot is T)
                .Select((row, arrival) => (row, arrival))
                .OrderBy(entry => entry.row.Version).ThenBy(entry => entry.arrival)
                .Select(entry => entry.row)
                .LastOrDefault();
        }
    }

    private Task Record(string id, object snapshot, int version)
    {
        if (down)
        {
            throw new InvalidOperationException("The read model is down (test outage).");
        }

        lock (gate)
        {
            received.Add(new Projection(id, snapshot, version));
        }

        return Task.CompletedTask;
    }
}
