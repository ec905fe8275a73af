using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Persistence;
using CollectorShop.Silo.Uploads;
using CollectorShop.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Persistence;

/// <summary>Everything the shop knows is in its database file: a new process on the same folder carries on where the last one stopped.</summary>
public sealed class RestartTests
{
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    [Fact]
    public async Task Users_listings_orders_seller_requests_and_images_survive_a_restart_and_keep_working()
    {
        var host = new ShopHost();
        try
        {
            var (sellerClient, seller) = await host.SignedInUser(Role.Seller);
            var (buyerClient, buyer) = await host.SignedInUser();
            var (_, hopeful) = await host.SignedInUser();

            var picture = new ByteArrayContent(Gif) { Headers = { ContentType = new MediaTypeHeaderValue("image/gif") } };
            var upload = await sellerClient.PostAsync("/api/upload", new MultipartFormDataContent { { picture, "image", "poster.gif" } });
            var imageUrl = (await upload.Content.ReadFromJsonAsync<UploadedImage>())!.Url;

            var listing = host.Grains.GetGrain<IProductGrain>(ShopIds.New());
            var asSeller = new Actor(seller.Id, IsAdmin: false);
            await listing.Submit(new ListingDraft("Signed tour poster", "A tour poster signed by the whole band in 1994.", 100m, 5m, "posters", [imageUrl], "Lyon"), seller.Id, seller.Name);
            await listing.Edit(new ListingChanges(null, null, 90m, null, null, null, null), asSeller);
            await listing.Approve();

            var placed = await buyerClient.PostAsJsonAsync("/api/orders", new { productId = listing.GetPrimaryKeyString() });
            var order = (await placed.Content.ReadFromJsonAsync<OrderDto>())!;

            var request = (await host.Grains.GetGrain<IUserGrain>(hopeful.Id).RequestSeller("I sell vinyl.")).Value!;

            await host.DisposeAsync();
            host = new ShopHost(host.Folder);
            buyerClient = host.ClientWithToken(buyer);
            listing = host.Grains.GetGrain<IProductGrain>(listing.GetPrimaryKeyString());

            Assert.Equal(seller, await host.Grains.GetGrain<IUserGrain>(seller.Id).Get());
            Assert.Equal(buyer.Id, await host.Grains.GetGrain<IEmailIndexGrain>(buyer.Email).GetUserId());

            var served = await host.CreateClient().GetAsync(imageUrl);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(Gif, await served.Content.ReadAsByteArrayAsync());

            var reserved = (await listing.Get())!;
            Assert.Equal(ListingStatus.Reserved, reserved.Status);
            Assert.Equal([100m, 90m], reserved.PriceHistory.Select(point => point.Price));
            Assert.Equal([imageUrl], reserved.Images);

            Assert.Equal(order, await (await buyerClient.GetAsync($"/api/orders/{order.Id}")).Content.ReadFromJsonAsync<OrderDto>());
            Assert.Equal([order], await (await buyerClient.GetAsync("/api/orders")).Content.ReadFromJsonAsync<List<OrderDto>>());

            Assert.Equal(request, await host.Grains.GetGrain<IUserGrain>(hopeful.Id).GetSellerRequest());
            var pendingRequests = await host.Services.GetRequiredService<ShopReadModel>().SellerRequests(SellerRequestStatus.Pending, 1, 100);
            Assert.Contains(request, pendingRequests.Items.Select(entry => entry.Request));

            var (latecomer, _) = await host.SignedInUser();
            var tooLate = await latecomer.PostAsJsonAsync("/api/orders", new { productId = listing.GetPrimaryKeyString() });
            Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);

            var cancelled = await buyerClient.PostAsync($"/api/orders/{order.Id}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.Equal(ListingStatus.Available, (await listing.Get())!.Status);
            Assert.Equal(HttpStatusCode.Created, (await latecomer.PostAsJsonAsync("/api/orders", new { productId = listing.GetPrimaryKeyString() })).StatusCode);
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }
}
