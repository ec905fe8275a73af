using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Persistence;
using CollectorShop.Tests.Http;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static CollectorShop.Tests.Grains.Arrange;
using static CollectorShop.Tests.Grains.ArrangeOrders;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// The embedded mode keeps reminders in memory: after a restart, deadlines are kept only because the
/// start-up sweep wakes every grain that has one. Nobody calls the orders or listings in these tests.
/// </summary>
public sealed class DeadlineRestartTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pending_order_whose_deadline_passed_while_the_shop_was_down_expires_at_the_next_start_and_its_item_is_listed_available()
    {
        var first = new ShopHost();
        var restarted = new ShopHost(first.Folder);
        try
        {
            var (_, seller) = await first.SignedInUser(Role.Seller);
            var (_, buyer) = await first.SignedInUser();
            var listing = await first.AvailableListing(seller);
            var order = Value(await first.Grains.GetGrain<IOrderGrain>(ShopIds.New()).Place(listing.Id, buyer.Id, buyer.Email));
            await first.DisposeAsync();

            var late = restarted.On(new ShiftedClock(order.ExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1)));
            _ = late.Services;

            await Eventually(async () => await ListedStatus(late, seller.Id, listing.Id) == "available", "the listing is listed available again");
            Assert.Equal("expired", await RowStatus(late, "orders", order.Id));
        }
        finally
        {
            await first.DisposeAsync();
            await restarted.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task A_reserved_listing_whose_deadline_is_still_ahead_at_the_next_start_gets_its_reminder_back_and_is_released_on_time()
    {
        var first = new ShopHost();
        var restarted = new ShopHost(first.Folder);
        try
        {
            var (_, seller) = await first.SignedInUser(Role.Seller);
            var listing = await first.AvailableListing(seller);
            // A reservation whose order was never created: only the listing's own deadline frees the item.
            var until = DateTimeOffset.UtcNow.AddSeconds(15);
            var product = first.Grains.GetGrain<IProductGrain>(listing.Id);
            Value(await product.Reserve(ShopIds.New(), ShopIds.New(), until));
            await first.DisposeAsync();

            _ = restarted.Services;

            await Eventually(async () => await ListedStatus(restarted, seller.Id, listing.Id) == "available", "the reservation lapsed on its own");
            var released = (await restarted.Grains.GetGrain<IProductGrain>(listing.Id).Get())!;
            Assert.Null(released.Reservation);
            Assert.True(released.UpdatedAt >= until, $"released at {released.UpdatedAt:O}, before the deadline {until:O}");
        }
        finally
        {
            await first.DisposeAsync();
            await restarted.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task A_shipped_order_whose_auto_completion_day_passed_while_the_shop_was_down_completes_at_the_next_start()
    {
        var first = new ShopHost();
        var restarted = new ShopHost(first.Folder);
        try
        {
            var (_, seller) = await first.SignedInUser(Role.Seller);
            var (_, buyer) = await first.SignedInUser();
            var listing = await first.AvailableListing(seller);
            var grain = first.Grains.GetGrain<IOrderGrain>(ShopIds.New());
            var order = Value(await grain.Place(listing.Id, buyer.Id, buyer.Email));
            Value(await grain.MarkPaid(DevPayment()));
            Value(await grain.Ship(seller.Id, "Colissimo", "8R1"));
            await first.DisposeAsync();

            var late = restarted.On(new ShiftedClock(TimeSpan.FromDays(new ShopOptions().AutoCompleteDays + 1)));
            _ = late.Services;

            await Eventually(async () => await RowStatus(late, "orders", order.Id) == "completed", "the order completed on its own");
        }
        finally
        {
            await first.DisposeAsync();
            await restarted.DisposeAndDelete();
        }
    }

    private static async Task<string?> ListedStatus(WebApplicationFactory<Program> host, string sellerId, string listingId)
    {
        var listed = JsonDocument.Parse(await host.CreateClient().GetStringAsync($"/api/products?sellerId={sellerId}")).RootElement;
        return listed.EnumerateArray()
            .Where(product => product.GetProperty("id").GetString() == listingId)
            .Select(product => product.GetProperty("status").GetString())
            .SingleOrDefault();
    }

    private static async Task<string?> RowStatus(WebApplicationFactory<Program> host, string table, string id)
    {
        await using var connection = await host.Services.GetRequiredService<ShopDatabase>().Open();
        return await connection.ExecuteScalarAsync<string?>($"SELECT status FROM {table} WHERE id = @id", new { id });
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after {Within.TotalSeconds} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

internal static class ClockedHost
{
    /// <summary>The same host started on another clock; disposing the host disposes it.</summary>
    public static WebApplicationFactory<Program> On(this ShopHost host, TimeProvider clock) =>
        host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(clock)));
}
