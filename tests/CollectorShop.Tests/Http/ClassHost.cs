using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;

namespace CollectorShop.Tests.Http;

/// <summary>One real shop host shared by the tests of a class; each test arranges its own users and listings.</summary>
public sealed class ClassHost : IAsyncLifetime
{
    public ShopHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Host.DisposeAndDelete();
}

/// <summary>State a test is not about, arranged straight through the grains.</summary>
public static class HostArrange
{
    /// <summary>A submitted and approved listing of the seller.</summary>
    public static async Task<Listing> AvailableListing(this ShopHost host, UserProfile seller, decimal price = 120m, decimal shipping = 7.50m)
    {
        var grain = host.Grains.GetGrain<IProductGrain>(ShopIds.New());
        var draft = new ListingDraft(
            "Signed tour poster", "A tour poster signed by the whole band in 1994.", price, shipping, "posters", ["/uploads/poster.jpg"], "Lyon");
        var submitted = await grain.Submit(draft, seller.Id, seller.Name);
        Assert.True(submitted.Succeeded, $"Could not submit the listing: {submitted.Refusal}");
        var approved = await grain.Approve();
        Assert.True(approved.Succeeded, $"Could not approve the listing: {approved.Refusal}");
        return approved.Value!;
    }

    /// <summary>A seller with one available listing.</summary>
    public static async Task<(HttpClient Client, UserProfile Seller, Listing Listing)> SellerWithListing(this ShopHost host)
    {
        var (client, seller) = await host.SignedInUser(Role.Seller);
        return (client, seller, await host.AvailableListing(seller));
    }

    public static async Task<string> ErrorOf(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ApiError>())!.Error;
}
