using System.Net.Http.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Bootstrap;
using CollectorShop.Silo.Persistence;
using CollectorShop.Silo.Products;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static CollectorShop.Tests.Http.Products.CatalogueHost;

namespace CollectorShop.Tests.Http.Products;

/// <summary>The demo catalogue a fresh embedded shop loads (Demo:Seed), and its restarts.</summary>
public sealed class DemoCatalogueTests
{
    private const string SellerPassword = "Demo-seller-1";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static Dictionary<string, string?> Seeding(bool seed = true) => new()
    {
        ["Demo:Seed"] = seed ? "true" : "false",
        ["Demo:SellerPassword"] = SellerPassword,
    };

    [Fact]
    public async Task A_fresh_shop_gets_seven_categories_and_eight_available_listings_with_pictures_it_stores_itself()
    {
        var host = new ShopHost(settings: Seeding());
        try
        {
            var client = host.CreateClient();

            var categories = await client.GetFromJsonAsync<List<CategoryDto>>("/api/categories");
            Assert.Equal(
                ["action-figures", "comic-books", "sneakers", "star-wars", "vintage-cameras", "vintage-posters", "vinyl"],
                categories!.Select(category => category.Id).Order());
            Assert.Contains(new CategoryDto("star-wars", "Star Wars", 2), categories!);
            Assert.All(categories!, category => Assert.True(category.ProductCount > 0, $"{category.Id} has no demo listing"));

            var products = await ProductList(await client.GetAsync("/api/products?pageSize=100"));
            Assert.Equal(8, products.Count);
            var images = host.Services.GetRequiredService<ImageStore>();
            foreach (var product in products)
            {
                Assert.Equal("available", product.Status);
                Assert.InRange(product.Price, 1m, 1_000_000m);
                Assert.InRange(product.Description.Length, 10, 5000);
                Assert.False(string.IsNullOrWhiteSpace(product.Location));
                var image = Assert.Single(product.Images);
                Assert.Matches("^/uploads/[0-9a-f]{32}\\.png$", image);
                var stored = await images.Find(image["/uploads/".Length..^".png".Length]);
                Assert.NotNull(stored);
                Assert.Equal("image/png", stored.ContentType);
                Assert.Equal(PngSignature, stored.Bytes.Take(8));
                Assert.InRange(stored.Bytes.Length, 1000, 60 * 1024);
            }

            foreach (var sellerId in products.Select(product => product.SellerId).Distinct())
            {
                var seller = host.Grains.GetGrain<IUserGrain>(sellerId);
                var credentials = await seller.GetCredentials();
                Assert.Equal((Role.Seller, true), (credentials!.Profile.Role, credentials.Profile.Active));
                Assert.True(Passwords.Matches(SellerPassword, credentials.PasswordHash));
                Assert.Null(await seller.GetSellerRequest());
            }
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        var first = new ShopHost(settings: Seeding());
        var seeded = await ProductList(await first.CreateClient().GetAsync("/api/products?pageSize=100"));
        var rows = Rows(first.Folder);
        await first.DisposeAsync();

        var second = new ShopHost(first.Folder, Seeding());
        try
        {
            var again = await ProductList(await second.CreateClient().GetAsync("/api/products?pageSize=100"));

            SameProducts(seeded.OrderBy(p => p.Id), again.OrderBy(p => p.Id));
            Assert.Equal(7, (await second.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/categories"))!.Count);
            Assert.Equal(rows, Rows(first.Folder));
        }
        finally
        {
            await second.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task A_load_stopped_halfway_is_completed_by_the_next_start()
    {
        var crashed = new ShopHost(settings: Seeding(seed: false));
        var firstSeller = DemoCatalogue.Sellers[0];
        var firstListing = DemoCatalogue.Listings[0];
        var grains = crashed.Grains;
        var seller = (await grains.GetGrain<IEmailIndexGrain>(firstSeller.Email).Register(
            new Registration(firstSeller.Name, firstSeller.Email, Passwords.Hash(SellerPassword), Role.Buyer, true, null, null, null, null))).Value!;
        await crashed.Services.GetRequiredService<ImageStore>().Save(firstListing.ImageId, "image/png", TinyPng);
        await grains.GetGrain<ICategoriesGrain>(0).Create("sneakers", "Sneakers");
        await grains.GetGrain<ICategoriesGrain>(0).Create("star-wars", "Star Wars");
        await grains.GetGrain<IProductGrain>(firstListing.Id).Submit(
            new ListingDraft(firstListing.Title, firstListing.Description, firstListing.Price, firstListing.Shipping, firstListing.CategoryId, [firstListing.ImageUrl], firstListing.Location),
            seller.Id,
            seller.Name);
        await crashed.DisposeAsync();

        var restarted = new ShopHost(crashed.Folder, Seeding());
        try
        {
            var products = await ProductList(await restarted.CreateClient().GetAsync("/api/products?pageSize=100"));

            Assert.Equal(DemoCatalogue.Listings.Select(listing => listing.Id).Order(), products.Select(product => product.Id).Order());
            Assert.All(products, product => Assert.Equal("available", product.Status));
            Assert.Equal(7, (await restarted.CreateClient().GetFromJsonAsync<List<CategoryDto>>("/api/categories"))!.Count);
            Assert.Equal(seller.Id, await restarted.Grains.GetGrain<IEmailIndexGrain>(firstSeller.Email).GetUserId());
            var promoted = await restarted.Grains.GetGrain<IUserGrain>(seller.Id).Get();
            Assert.Equal((Role.Seller, true), (promoted!.Role, promoted.Active));
            Assert.Equal(DemoCatalogue.Sellers.Count, products.Select(product => product.SellerId).Distinct().Count());
            Assert.Equal(DemoCatalogue.Listings.Count, Rows(crashed.Folder).Images);
        }
        finally
        {
            await restarted.DisposeAndDelete();
        }
    }

    [Fact]
    public async Task A_shop_that_already_has_its_own_categories_gets_no_demo()
    {
        var own = new ShopHost(settings: Seeding(seed: false));
        await own.Grains.GetGrain<ICategoriesGrain>(0).Create("caps", "Caps");
        await own.DisposeAsync();

        var seeding = new ShopHost(own.Folder, Seeding());
        try
        {
            var client = seeding.CreateClient();

            Assert.Equal(["caps"], (await client.GetFromJsonAsync<List<CategoryDto>>("/api/categories"))!.Select(category => category.Id));
            Assert.Empty(await ProductList(await client.GetAsync("/api/products")));
            Assert.Null(await seeding.Grains.GetGrain<IEmailIndexGrain>(DemoCatalogue.Sellers[0].Email).GetUserId());
        }
        finally
        {
            await seeding.DisposeAndDelete();
        }
    }

    private static (long Products, long Images, long Users) Rows(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "shop.db")};Pooling=False");
        connection.Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)command.ExecuteScalar()!;
        }

        return (Count("products"), Count("images"), Count("users"));
    }
}
