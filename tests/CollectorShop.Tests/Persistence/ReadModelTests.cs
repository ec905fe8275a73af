using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Tests.Persistence;

/// <summary>The read model's SQL driven directly on a migrated database: the same rules on SQLite and on PostgreSQL.</summary>
public abstract class ReadModelTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ListingStatus[] Public = [ListingStatus.Available, ListingStatus.Reserved];

    private MigratedDatabase _database = null!;

    private ShopReadModel ReadModel => new(_database.Database);

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_older_snapshot_never_overwrites_a_newer_row_of_any_projection()
    {
        await ReadModel.Project(Listing("l1", title: "Second title"), 2);
        await ReadModel.Project(Listing("l1", title: "First title"), 1);
        await ReadModel.Project(Order("o1", "buyer", "seller", OrderStatus.Paid), 2);
        await ReadModel.Project(Order("o1", "buyer", "seller", OrderStatus.Pending), 1);
        await ReadModel.Project(User("u1", "Second name"), 2);
        await ReadModel.Project(User("u1", "First name"), 1);
        await ReadModel.Project(Request("r1", "u1", SellerRequestStatus.Rejected), 2);
        await ReadModel.Project(Request("r1", "u1", SellerRequestStatus.Pending), 1);

        Assert.Equal("Second title", Assert.Single((await ReadModel.Listings(Search())).Items).Title);
        Assert.Equal(OrderStatus.Paid, Assert.Single((await ReadModel.Orders(null, null, null, 1, 10)).Items).Status);
        Assert.Equal("Second name", Assert.Single((await ReadModel.Users(null, null, 1, 10)).Items).Name);
        Assert.Empty((await ReadModel.SellerRequests(SellerRequestStatus.Pending, 1, 10)).Items);

        await ReadModel.Project(Listing("l1", title: "Third title"), 3);
        Assert.Equal("Third title", Assert.Single((await ReadModel.Listings(Search())).Items).Title);
    }

    [Fact]
    public async Task Listings_narrow_by_category_seller_inclusive_price_range_and_statuses()
    {
        await ReadModel.Project(Listing("poster", price: 10m), 1);
        await ReadModel.Project(Listing("vinyl", category: "vinyl", price: 10m), 1);
        await ReadModel.Project(Listing("by-hugo", seller: "hugo", price: 10m), 1);
        await ReadModel.Project(Listing("cheap", price: 9.99m), 1);
        await ReadModel.Project(Listing("dear", price: 100.01m), 1);
        await ReadModel.Project(Listing("top", price: 100m), 1);
        await ReadModel.Project(Listing("reserved", status: ListingStatus.Reserved, price: 50m), 1);
        await ReadModel.Project(Listing("pending", status: ListingStatus.Pending, price: 50m, minute: 1), 1);
        await ReadModel.Project(Listing("sold", status: ListingStatus.Sold, price: 50m, minute: 2), 1);

        Assert.Equal(["vinyl"], await Ids(Search(category: "vinyl")));
        Assert.Equal(["by-hugo"], await Ids(Search(seller: "hugo")));
        Assert.Equal(
            ["poster", "reserved", "top"],
            await Ids(Search(category: "posters", seller: "camille", min: 10m, max: 100m, sort: ListingSort.PriceAsc)));
        Assert.Equal(["sold", "pending"], await Ids(Search(statuses: [ListingStatus.Pending, ListingStatus.Sold])));
    }

    [Fact]
    public async Task Listings_sort_newest_first_or_by_price_both_ways_and_ties_go_newest_first_then_by_id()
    {
        await ReadModel.Project(Listing("a", price: 20m, minute: 1), 1);
        await ReadModel.Project(Listing("b", price: 5.5m, minute: 2), 1);
        await ReadModel.Project(Listing("c", price: 1000m, minute: 3), 1);
        await ReadModel.Project(Listing("d", price: 20m, minute: 4), 1);
        await ReadModel.Project(Listing("e", price: 99.99m, minute: 4), 1);

        Assert.Equal(["d", "e", "c", "b", "a"], await Ids(Search()));
        Assert.Equal(["b", "d", "a", "e", "c"], await Ids(Search(sort: ListingSort.PriceAsc)));
        Assert.Equal(["c", "e", "d", "a", "b"], await Ids(Search(sort: ListingSort.PriceDesc)));
    }

    [Fact]
    public async Task Pages_split_the_listings_and_the_total_counts_every_match()
    {
        for (var minute = 1; minute <= 5; minute++)
        {
            await ReadModel.Project(Listing($"l{minute}", minute: minute), 1);
        }

        await ReadModel.Project(Listing("pending", status: ListingStatus.Pending, minute: 6), 1);

        var pages = new List<Page<Listing>>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await ReadModel.Listings(Search(page: page, pageSize: 2)));
        }

        Assert.Equal([["l5", "l4"], ["l3", "l2"], ["l1"], []], pages.Select(page => page.Items.Select(listing => listing.Id).ToArray()));
        Assert.All(pages, page => Assert.Equal(5, page.Total));
    }

    [Fact]
    public async Task Q_finds_listings_holding_every_word_in_title_or_description_whatever_the_case()
    {
        await ReadModel.Project(Listing("falcon", title: "LEGO Millennium Falcon 10179", description: "Sealed box, shelf wear on one corner."), 1);
        await ReadModel.Project(Listing("fett", title: "Boba Fett figure", description: "Kenner 1979, bounty hunter from the Empire Strikes Back."), 1);
        await ReadModel.Project(Listing("leica", title: "Leica M3 camera", description: "Serviced rangefinder with a Summicron lens."), 1);
        await ReadModel.Project(Listing("ete", title: "Figurine d'Été", description: "Édition limitée, boîte d'origine."), 1);

        Assert.Equal(["falcon"], await Ids(Search(q: "millennium")));
        Assert.Equal(["falcon"], await Ids(Search(q: "MILLENNIUM falcon")));
        Assert.Equal(["falcon"], await Ids(Search(q: "SHELF")));
        Assert.Equal(["fett"], await Ids(Search(q: "Bounty  Empire")));
        Assert.Empty(await Ids(Search(q: "falcon bounty")));
        Assert.Equal(["leica"], await Ids(Search(q: "m3")));
        Assert.Equal(["leica"], await Ids(Search(q: "M3 rangefinder")));
        Assert.Equal(4, (await ReadModel.Listings(Search(q: "  "))).Total);
    }

    [Fact]
    public async Task Q_matches_accented_letters_in_either_case_but_never_their_plain_letters()
    {
        await ReadModel.Project(Listing("ete", title: "Figurine d'Été", description: "Édition limitée, boîte d'origine."), 1);
        await ReadModel.Project(Listing("plain", title: "Summer figurine", description: "Limited edition."), 1);

        Assert.Equal(["ete"], await Ids(Search(q: "été")));
        Assert.Equal(["ete"], await Ids(Search(q: "ÉDITION boîte")));
        Assert.Empty(await Ids(Search(q: "ete")));
        Assert.Equal(["plain"], await Ids(Search(q: "edition")));
    }

    [Fact]
    public async Task Percent_underscore_and_backslash_in_q_match_only_themselves()
    {
        await ReadModel.Project(Listing("literal", title: "Jersey 100% cotton_edition", description: "Tag marked back\\side."), 1);
        await ReadModel.Project(Listing("lookalike", title: "Jersey 1000 cottonXedition", description: "Tag marked backside."), 1);

        Assert.Equal(["literal"], await Ids(Search(q: "100%")));
        Assert.Equal(["literal"], await Ids(Search(q: "cotton_edition")));
        Assert.Equal(["literal"], await Ids(Search(q: "back\\side")));
        Assert.Empty(await Ids(Search(q: "100%_")));
    }

    [Fact]
    public async Task Orders_list_newest_first_for_a_buyer_a_seller_or_a_status_and_ids_break_ties()
    {
        await ReadModel.Project(Order("o1", "ben", "sam", OrderStatus.Pending, Start.AddMinutes(1)), 1);
        await ReadModel.Project(Order("o2", "ben", "sue", OrderStatus.Paid, Start.AddMinutes(2)), 1);
        await ReadModel.Project(Order("o3", "bea", "sam", OrderStatus.Paid, Start.AddMinutes(3)), 1);
        await ReadModel.Project(Order("o4", "bea", "sue", OrderStatus.Shipped, Start.AddMinutes(4)), 1);
        await ReadModel.Project(Order("o5", "bea", "sue", OrderStatus.Shipped, Start.AddMinutes(4)), 1);

        async Task<string[]> OrderIds(string? buyer, string? seller, OrderStatus? status, int page = 1, int pageSize = 10) =>
            [.. (await ReadModel.Orders(buyer, seller, status, page, pageSize)).Items.Select(order => order.Id)];

        Assert.Equal(["o2", "o1"], await OrderIds("ben", null, null));
        Assert.Equal(["o3", "o1"], await OrderIds(null, "sam", null));
        Assert.Equal(["o3", "o2"], await OrderIds(null, null, OrderStatus.Paid));
        Assert.Equal(["o5", "o4"], await OrderIds("bea", "sue", null));
        Assert.Equal(["o3", "o2"], await OrderIds(null, null, null, page: 2, pageSize: 2));
        Assert.Equal(5, (await ReadModel.Orders(null, null, null, 2, 2)).Total);
    }

    [Fact]
    public async Task Users_sort_by_name_and_narrow_by_role_and_by_name_or_email_whatever_the_case()
    {
        await ReadModel.Project(User("charlie", "Charlie Stone", email: "charlie@vinyl.test"), 1);
        await ReadModel.Project(User("alice", "alice Durand", Role.Seller, "alice@posters.test"), 1);
        await ReadModel.Project(User("bob", "Bob Martin", email: "bob.martin@vinyl.test"), 1);
        await ReadModel.Project(User("zoe", "Zoé Admin", Role.Admin, "zoe@collector.test"), 1);

        async Task<string[]> UserIds(Role? role, string? q, int page = 1, int pageSize = 10) =>
            [.. (await ReadModel.Users(role, q, page, pageSize)).Items.Select(user => user.Id)];

        Assert.Equal(["alice", "bob", "charlie", "zoe"], await UserIds(null, null));
        Assert.Equal(["bob", "charlie"], await UserIds(Role.Buyer, null));
        Assert.Equal(["alice"], await UserIds(null, "DURAND"));
        Assert.Equal(["bob", "charlie"], await UserIds(null, "@VINYL.test"));
        Assert.Equal(["zoe"], await UserIds(null, "ZOÉ"));
        Assert.Equal(["bob"], await UserIds(Role.Buyer, "martin"));
        Assert.Equal(["charlie", "zoe"], await UserIds(null, null, page: 2, pageSize: 2));
        Assert.Equal(4, (await ReadModel.Users(null, null, 2, 2)).Total);
    }

    [Fact]
    public async Task Seller_requests_of_a_status_come_latest_first_each_with_its_user_or_none_while_unprojected()
    {
        await ReadModel.Project(User("ana", "Ana Vinyl"), 1);
        await ReadModel.Project(Request("r1", "ana", SellerRequestStatus.Pending, minute: 1), 1);
        await ReadModel.Project(Request("r2", "not-projected-yet", SellerRequestStatus.Pending, minute: 3), 1);
        await ReadModel.Project(Request("r3", "ana", SellerRequestStatus.Pending, minute: 2), 1);
        await ReadModel.Project(Request("r4", "ana", SellerRequestStatus.Rejected, minute: 4), 1);

        var pending = await ReadModel.SellerRequests(SellerRequestStatus.Pending, 1, 10);
        var secondPage = await ReadModel.SellerRequests(SellerRequestStatus.Pending, 2, 2);

        Assert.Equal([("r2", null), ("r3", "Ana Vinyl"), ("r1", "Ana Vinyl")], pending.Items.Select(entry => (entry.Request.Id, entry.User?.Name)));
        Assert.Equal(["r1"], secondPage.Items.Select(entry => entry.Request.Id));
        Assert.Equal(3, secondPage.Total);
        Assert.Equal("r4", Assert.Single((await ReadModel.SellerRequests(SellerRequestStatus.Rejected, 1, 10)).Items).Request.Id);
    }

    [Fact]
    public async Task Categories_count_their_listings_of_the_given_statuses_and_all_but_removed_ones_when_in_use()
    {
        await ReadModel.Project(Listing("available"), 1);
        await ReadModel.Project(Listing("reserved", status: ListingStatus.Reserved), 1);
        await ReadModel.Project(Listing("pending", status: ListingStatus.Pending), 1);
        await ReadModel.Project(Listing("sold", status: ListingStatus.Sold), 1);
        await ReadModel.Project(Listing("removed", status: ListingStatus.Removed), 1);
        await ReadModel.Project(Listing("record", category: "vinyl"), 1);

        Assert.Equal(new Dictionary<string, int> { ["posters"] = 2, ["vinyl"] = 1 }, await ReadModel.ListingsByCategory(Public));
        Assert.Equal(new Dictionary<string, int> { ["posters"] = 1 }, await ReadModel.ListingsByCategory([ListingStatus.Pending]));
        Assert.Equal(4, await ReadModel.CountListings("posters"));
        Assert.Equal(0, await ReadModel.CountListings("comics"));
    }

    private async Task<string[]> Ids(ListingSearch search) =>
        [.. (await ReadModel.Listings(search)).Items.Select(listing => listing.Id)];

    private static ListingSearch Search(
        string? q = null,
        string? category = null,
        string? seller = null,
        decimal? min = null,
        decimal? max = null,
        ListingStatus[]? statuses = null,
        ListingSort sort = ListingSort.Newest,
        int page = 1,
        int pageSize = 24) => new(q, category, min, max, seller, statuses ?? Public, sort, page, pageSize);

    private static Listing Listing(
        string id,
        int minute = 0,
        string category = "posters",
        string seller = "camille",
        decimal price = 100m,
        ListingStatus status = ListingStatus.Available,
        string title = "Signed tour poster",
        string description = "A tour poster signed by the whole band in 1994.") => new(
            id, seller, "Camille", title, description, price, 5m, category, ["/uploads/poster.png"], "Lyon", status,
            [new PricePoint(price, Start)], null, null, Start.AddMinutes(minute), Start.AddMinutes(minute));

    private static Order Order(string id, string buyer, string seller, OrderStatus status, DateTimeOffset? created = null)
    {
        var at = created ?? Start;
        return new Order(
            id, $"product-{id}", buyer, $"{buyer}@collector.test", seller, status, 1, 100m, 5m, 105m, 5m, 95m,
            new ProductSnapshot($"product-{id}", "Signed tour poster", "A tour poster.", null, 100m, 5m, "posters", "Camille"),
            at, at, status == OrderStatus.Pending ? at.AddMinutes(15) : null, null, null, null, null, null);
    }

    private static UserProfile User(string id, string name, Role role = Role.Buyer, string? email = null) =>
        new(id, name, email ?? $"{id}@collector.test", role, true, null, null, null, Start);

    private static SellerRequest Request(string id, string userId, SellerRequestStatus status, int minute = 0) =>
        new(id, userId, status, "I sell vinyl.", null, Start, Start.AddMinutes(minute));
}

public sealed class SqliteReadModelTests() : ReadModelTests(StorageProvider.Sqlite);

public sealed class PostgresReadModelTests() : ReadModelTests(StorageProvider.Postgres);
