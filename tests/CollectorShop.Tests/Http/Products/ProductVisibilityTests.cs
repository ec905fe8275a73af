using System.Net;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>Who sees a listing of each status, by id and in the lists.</summary>
public sealed class ProductVisibilityTests(CatalogueHost shop) : IClassFixture<CatalogueHost>
{
    public enum Looker { Anonymous, Buyer, TheSeller, AnotherSeller, Admin }

    private static readonly ListingStatus[] Browsable = [ListingStatus.Available, ListingStatus.Reserved];
    private static readonly ListingStatus[] Public = [ListingStatus.Available, ListingStatus.Reserved, ListingStatus.Sold];
    private static readonly ListingStatus[] Private = [ListingStatus.Pending, ListingStatus.Rejected, ListingStatus.Withdrawn];

    public static TheoryData<Looker> Lookers => [.. Enum.GetValues<Looker>()];

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task By_id_the_public_sees_available_reserved_and_sold_and_the_rest_only_the_seller_and_admins(Looker looker)
    {
        var (_, listings, client) = await OneListingPerStatus(looker);

        foreach (var (status, listing) in listings)
        {
            var response = await client.GetAsync($"/api/products/{listing.Id}");

            var seesAll = looker is Looker.TheSeller or Looker.Admin;
            if (seesAll || Public.Contains(status))
            {
                Assert.Equal(WireNames.Of(status), (await Product(response)).Status);
            }
            else
            {
                await Expect(response, HttpStatusCode.NotFound);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task The_default_list_holds_available_and_reserved_listings_for_everyone(Looker looker)
    {
        var (category, listings, client) = await OneListingPerStatus(looker);

        var listed = await ProductList(await client.GetAsync($"/api/products?category={category}"));

        Assert.Equal(Ids(listings, Browsable), listed.Select(p => p.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task Sold_listings_are_listed_when_asked_for(Looker looker)
    {
        var (category, listings, client) = await OneListingPerStatus(looker);

        foreach (var status in Public)
        {
            var listed = await ProductList(await client.GetAsync($"/api/products?category={category}&status={WireNames.Of(status)}"));
            Assert.Equal(Ids(listings, [status]), listed.Select(p => p.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task Pending_rejected_and_withdrawn_lists_are_for_admins_only(Looker looker)
    {
        var (category, listings, client) = await OneListingPerStatus(looker);

        foreach (var status in Private)
        {
            var response = await client.GetAsync($"/api/products?category={category}&status={WireNames.Of(status)}");

            if (looker == Looker.Admin)
            {
                Assert.Equal(Ids(listings, [status]), (await ProductList(response)).Select(p => p.Id));
            }
            else
            {
                await Expect(response, HttpStatusCode.Forbidden);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task Sellers_see_all_their_own_listings_but_removed_ones_with_seller_id_me(Looker looker)
    {
        var (category, listings, client) = await OneListingPerStatus(looker);

        var response = await client.GetAsync($"/api/products?category={category}&sellerId=me");

        switch (looker)
        {
            case Looker.Anonymous:
                await Expect(response, HttpStatusCode.Unauthorized);
                break;
            case Looker.TheSeller:
                Assert.Equal(Ids(listings, [.. Public, .. Private]), (await ProductList(response)).Select(p => p.Id).Order());
                foreach (var status in Private)
                {
                    var own = await ProductList(await client.GetAsync($"/api/products?category={category}&sellerId=me&status={WireNames.Of(status)}"));
                    Assert.Equal(Ids(listings, [status]), own.Select(p => p.Id));
                }

                break;
            default:
                Assert.Empty(await ProductList(response));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task Removed_listings_are_never_on_the_public_list(Looker looker)
    {
        var (category, _, client) = await OneListingPerStatus(looker);

        await ExpectFieldError(await client.GetAsync($"/api/products?category={category}&status=removed"), "status");
    }

    [Theory]
    [MemberData(nameof(Lookers))]
    public async Task The_admin_list_holds_every_status_for_admins_only(Looker looker)
    {
        var (category, listings, client) = await OneListingPerStatus(looker);

        var response = await client.GetAsync($"/api/admin/products?category={category}");

        switch (looker)
        {
            case Looker.Admin:
                Assert.Equal(Ids(listings, Enum.GetValues<ListingStatus>()), (await ProductList(response)).Select(p => p.Id).Order());
                var removed = await ProductList(await client.GetAsync($"/api/admin/products?category={category}&status=removed"));
                Assert.Equal(Ids(listings, [ListingStatus.Removed]), removed.Select(p => p.Id));
                break;
            case Looker.Anonymous:
                await Expect(response, HttpStatusCode.Unauthorized);
                break;
            default:
                await Expect(response, HttpStatusCode.Forbidden);
                break;
        }
    }

    [Fact]
    public async Task A_deactivated_seller_sees_only_what_the_public_sees()
    {
        var category = await shop.NewCategory();
        var (_, profile) = await shop.Seller();
        var pending = await shop.Listing(profile, category, ListingStatus.Pending);
        var client = shop.Host.ClientWithToken(profile);
        Assert.True((await shop.Grains.GetGrain<IUserGrain>(profile.Id).SetActive(false, shop.AdminUser.Id)).Succeeded);

        await Expect(await client.GetAsync($"/api/products/{pending.Id}"), HttpStatusCode.NotFound);
        await Expect(await client.GetAsync($"/api/products?sellerId=me&category={category}"), HttpStatusCode.Forbidden);
    }

    /// <summary>A listing of the seller in each status, in a new category, and the client of the looker.</summary>
    private async Task<(string Category, Dictionary<ListingStatus, Listing> Listings, HttpClient Client)> OneListingPerStatus(Looker looker)
    {
        var category = await shop.NewCategory();
        var (sellerClient, seller) = await shop.Seller();
        var listings = new Dictionary<ListingStatus, Listing>();
        foreach (var status in Enum.GetValues<ListingStatus>())
        {
            listings[status] = await shop.Listing(seller, category, status);
        }

        var client = looker switch
        {
            Looker.Anonymous => shop.Anonymous(),
            Looker.Buyer => (await shop.Buyer()).Client,
            Looker.TheSeller => sellerClient,
            Looker.AnotherSeller => (await shop.Seller()).Client,
            _ => shop.Admin,
        };
        return (category, listings, client);
    }

    private static IEnumerable<string> Ids(Dictionary<ListingStatus, Listing> listings, IEnumerable<ListingStatus> statuses) =>
        statuses.Select(status => listings[status].Id).Order();
}
