namespace CollectorShop.Grains;

/// <summary>
/// The SQL tables that serve lists and searches. Grains write their snapshot after each
/// change, tagged with the grain state's storage version; an older version never
/// overwrites a newer row, so a repeated or late write is harmless.
/// </summary>
public interface IReadModel
{
    Task Project(Listing listing, int version);

    Task Project(Order order, int version);

    Task Project(UserProfile user, int version);

    Task Project(SellerRequest request, int version);

    /// <summary>How many listings (of any status except removed) use the category.</summary>
    Task<int> CountListings(string categoryId);
}
