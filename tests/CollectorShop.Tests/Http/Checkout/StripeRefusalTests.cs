using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>When Stripe will not open a session, the buyer gets a 502 and the item is not left held by an order nobody can pay.</summary>
public sealed class StripeRefusalTests(StripeShop shop) : IClassFixture<StripeShop>
{
    private readonly ShopHost _host = shop.Host;

    [Fact]
    public async Task A_session_stripe_refuses_is_502_and_the_item_is_free_again()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, buyerProfile) = await _host.SignedInUser();
        shop.Stripe.RefusesSessions = true;
        HttpResponseMessage refused;
        try
        {
            refused = await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id });
        }
        finally
        {
            shop.Stripe.RefusesSessions = false;
        }

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("payment provider", await refused.ErrorOf());
        Assert.Equal(ListingStatus.Available, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Status);
        var orders = (await buyer.GetFromJsonAsync<List<OrderDto>>("/api/orders"))!;
        Assert.Equal("cancelled", Assert.Single(orders).Status);

        var retried = await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(buyerProfile.Id, (await _host.Grains.GetGrain<IProductGrain>(listing.Id).Get())!.Reservation?.BuyerId);
    }
}
