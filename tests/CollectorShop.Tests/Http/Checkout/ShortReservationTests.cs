using System.Net;
using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Checkout;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>A shop whose reservations last three seconds, so a checkout can lapse within a test.</summary>
public sealed class ShortReservationHost : IAsyncLifetime
{
    public ShopHost Host { get; } = new(settings: new Dictionary<string, string?> { ["Checkout:ReservationMinutes"] = "0.05" });

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => Host.DisposeAndDelete();
}

public sealed class ShortReservationTests(ShortReservationHost fixture) : IClassFixture<ShortReservationHost>
{
    private readonly ShopHost _host = fixture.Host;

    [Fact]
    public async Task An_unpaid_checkout_expires_on_its_own_and_the_item_can_be_bought_again()
    {
        var (_, _, listing) = await _host.SellerWithListing();
        var (buyer, _) = await _host.SignedInUser();
        var opened = (await (await buyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id })).Content.ReadFromJsonAsync<CheckoutResponse>())!;
        var product = _host.Grains.GetGrain<IProductGrain>(listing.Id);
        Assert.Equal(ListingStatus.Reserved, (await product.Get())!.Status);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _host.Grains.GetGrain<IOrderGrain>(opened.OrderId).Get())!.Status != OrderStatus.Expired)
        {
            Assert.True(DateTime.UtcNow < deadline, "The checkout did not expire within 30 s of a 3 s reservation.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(ListingStatus.Available, (await product.Get())!.Status);
        var (nextBuyer, _) = await _host.SignedInUser();
        Assert.Equal(HttpStatusCode.OK, (await nextBuyer.PostAsJsonAsync("/api/checkout/session", new { productId = listing.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsJsonAsync("/api/checkout/session", new { orderId = opened.OrderId })).StatusCode);
    }
}

/// <summary>In Production without Stripe there is no development gateway.</summary>
public sealed class ProductionHost : IAsyncLifetime
{
    public ShopHost Host { get; } = new(settings: new Dictionary<string, string?> { ["environment"] = "Production" });

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => Host.DisposeAndDelete();
}

public sealed class ProductionGatewayTests(ProductionHost fixture) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task Production_has_no_development_gateway()
    {
        var host = fixture.Host;
        var (_, _, listing) = await host.SellerWithListing();
        var (buyer, _) = await host.SignedInUser();
        var order = await host.Grains.GetGrain<IOrderGrain>(ShopIds.New()).Place(listing.Id, ShopIds.New(), "buyer@collector.test");
        var session = $"dev_{order.Value!.Id}";

        Assert.Equal("Production", host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().EnvironmentName);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/payments/dev/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostAsync($"/api/payments/dev/{session}/complete", null)).StatusCode);
    }
}
