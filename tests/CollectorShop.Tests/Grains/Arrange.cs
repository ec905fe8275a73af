using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

/// <summary>Brings grains into a given state through their own public methods.</summary>
public static class Arrange
{
    public const string DefaultCategory = "posters";

    public static ListingDraft Draft(decimal price = 100m, decimal shipping = 4.50m, string category = DefaultCategory) =>
        new("Signed tour poster", "A tour poster signed by the whole band in 1994.", price, shipping, category, ["/uploads/poster.jpg"], "Lyon");

    public static IProductGrain Listing(this ShopCluster shop, string id) => shop.Grains.GetGrain<IProductGrain>(id);

    public static IOrderGrain Order(this ShopCluster shop, string id) => shop.Grains.GetGrain<IOrderGrain>(id);

    public static IUserGrain User(this ShopCluster shop, string id) => shop.Grains.GetGrain<IUserGrain>(id);

    public static ISellerRequestGrain SellerRequest(this ShopCluster shop, string id) => shop.Grains.GetGrain<ISellerRequestGrain>(id);

    public static IEmailIndexGrain EmailIndex(this ShopCluster shop, string email) => shop.Grains.GetGrain<IEmailIndexGrain>(email);

    public static ICategoriesGrain Categories(this ShopCluster shop) => shop.Grains.GetGrain<ICategoriesGrain>(0);

    /// <summary>A new pending listing of a new seller.</summary>
    public static async Task<(IProductGrain Grain, Listing Listing)> SubmittedListing(
        this ShopCluster shop, decimal price = 100m, decimal shipping = 4.50m, string? sellerId = null, string category = DefaultCategory)
    {
        var grain = shop.Listing(ShopIds.New());
        var listing = Value(await grain.Submit(Draft(price, shipping, category), sellerId ?? ShopIds.New(), "Camille"));
        return (grain, listing);
    }

    /// <summary>A new available listing of a new seller.</summary>
    public static async Task<(IProductGrain Grain, Listing Listing)> AvailableListing(
        this ShopCluster shop, decimal price = 100m, decimal shipping = 4.50m, string? sellerId = null)
    {
        var (grain, _) = await shop.SubmittedListing(price, shipping, sellerId);
        return (grain, Value(await grain.Approve()));
    }

    /// <summary>A listing in the given status; a reserved or sold one is held by order "order-of-{listing id}".</summary>
    public static async Task<(IProductGrain Grain, Listing Listing)> ListingIn(this ShopCluster shop, ListingStatus status)
    {
        var (grain, listing) = await shop.SubmittedListing();
        var seller = new Actor(listing.SellerId, IsAdmin: false);
        var holdingOrder = HoldingOrderOf(listing);
        switch (status)
        {
            case ListingStatus.Pending:
                break;
            case ListingStatus.Available:
                listing = Value(await grain.Approve());
                break;
            case ListingStatus.Rejected:
                listing = Value(await grain.Reject("Blurry photos"));
                break;
            case ListingStatus.Withdrawn:
                listing = Value(await grain.Withdraw(seller));
                break;
            case ListingStatus.Removed:
                listing = Value(await grain.Remove());
                break;
            case ListingStatus.Reserved:
                await grain.Approve();
                listing = Value(await grain.Reserve(holdingOrder, ShopIds.New(), DateTimeOffset.UtcNow.AddMinutes(10)));
                break;
            case ListingStatus.Sold:
                await grain.Approve();
                await grain.Reserve(holdingOrder, ShopIds.New(), DateTimeOffset.UtcNow.AddMinutes(10));
                listing = Value(await grain.MarkSold(holdingOrder));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, listing.Status);
        return (grain, listing);
    }

    public static string HoldingOrderOf(Listing listing) => $"order-of-{listing.Id}";

    public static Registration Registration(string email, Role role = Role.Buyer, bool active = true, string? sellerMessage = null) =>
        new(email.Split('@')[0], email, "$2a$11$hash-of-a-password", role, active, "1 rue des Collectionneurs", "0600000000", null, sellerMessage);

    public static string NewEmail() => $"collector-{ShopIds.New()}@example.com";

    /// <summary>A new account registered through the email index.</summary>
    public static async Task<UserProfile> RegisteredUser(this ShopCluster shop, Role role = Role.Buyer, string? sellerMessage = null)
    {
        var email = NewEmail();
        return Value(await shop.EmailIndex(email).Register(Registration(email, role, active: true, sellerMessage)));
    }

    /// <summary>The value of an outcome that must have succeeded; fails the test with the refusal otherwise.</summary>
    public static T Value<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, $"Expected success, got {outcome.Refusal}");
        return outcome.Value!;
    }

    public static Refusal Refused<T>(Outcome<T> outcome, RefusalKind kind)
    {
        Assert.False(outcome.Succeeded, $"Expected a {kind} refusal, got success: {outcome.Value}");
        Assert.Equal(kind, outcome.Refusal!.Kind);
        return outcome.Refusal;
    }
}
