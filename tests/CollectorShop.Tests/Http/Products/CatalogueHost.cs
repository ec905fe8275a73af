using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using CollectorShop.Silo.Products;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http.Products;

/// <summary>
/// One real shop host per test class (on SQLite; <see cref="PostgresCatalogueHost"/> is the same on PostgreSQL),
/// and ways to arrange the users, categories and listings a test is not about.
/// </summary>
public class CatalogueHost : IAsyncLifetime
{
    /// <summary>The smallest valid PNG: a 1×1 pixel.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private readonly StorageProvider _provider;

    public CatalogueHost()
        : this(StorageProvider.Sqlite)
    {
    }

    protected CatalogueHost(StorageProvider provider) => _provider = provider;

    public ShopHost Host { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public UserProfile AdminUser { get; private set; } = null!;

    public IGrainFactory Grains => Host.Grains;

    public async Task InitializeAsync()
    {
        Host = await ShopHost.On(_provider);
        (Admin, AdminUser) = await Host.SignedInUser(Role.Admin);
    }

    public Task DisposeAsync() => Host.DisposeAndDelete();

    public HttpClient Anonymous() => Host.CreateClient();

    public Task<(HttpClient Client, UserProfile User)> Seller(string? name = null) => Host.SignedInUser(Role.Seller, name: name);

    public Task<(HttpClient Client, UserProfile User)> Buyer() => Host.SignedInUser(Role.Buyer);

    /// <summary>A category of its own, so a test's lists hold only the listings it made.</summary>
    public async Task<string> NewCategory()
    {
        var id = $"test-{ShopIds.New()}";
        var created = await Grains.GetGrain<ICategoriesGrain>(0).Create(id, $"Category {id}");
        Assert.True(created.Succeeded, created.Refusal?.Message);
        return id;
    }

    /// <summary>An image stored in the shop, as the upload route would store it; returns its /uploads/ URL.</summary>
    public async Task<string> StoredPng()
    {
        var id = ShopIds.New();
        await Host.Services.GetRequiredService<ImageStore>().Save(id, "image/png", TinyPng);
        return $"/uploads/{id}.png";
    }

    /// <summary>A listing brought into <paramref name="status"/> through the product grain's own transitions.</summary>
    public async Task<Listing> Listing(
        UserProfile seller,
        string categoryId,
        ListingStatus status = ListingStatus.Available,
        string title = "Signed tour poster",
        string description = "A tour poster signed by the whole band in 1994.",
        decimal price = 100m)
    {
        var grain = Grains.GetGrain<IProductGrain>(ShopIds.New());
        var draft = new ListingDraft(title, description, price, 5m, categoryId, ["https://images.example/poster.jpg"], "Lyon");
        var listing = Value(await grain.Submit(draft, seller.Id, seller.Name));
        var orderId = ShopIds.New();
        listing = status switch
        {
            ListingStatus.Pending => listing,
            ListingStatus.Rejected => Value(await grain.Reject("Blurry photos")),
            ListingStatus.Withdrawn => Value(await grain.Withdraw(new Actor(seller.Id, false))),
            ListingStatus.Removed => Value(await grain.Remove()),
            _ => Value(await grain.Approve()),
        };
        if (status is ListingStatus.Reserved or ListingStatus.Sold)
        {
            listing = Value(await grain.Reserve(orderId, ShopIds.New(), DateTimeOffset.UtcNow.AddHours(1)));
        }

        if (status == ListingStatus.Sold)
        {
            listing = Value(await grain.MarkSold(orderId));
        }

        Assert.Equal(status, listing.Status);
        await NextMillisecondAfter(listing.CreatedAt);
        return listing;
    }

    /// <summary>The read model keeps creation times in milliseconds: listings made one after another get distinct ones.</summary>
    private static async Task NextMillisecondAfter(DateTimeOffset time)
    {
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= time.ToUnixTimeMilliseconds())
        {
            await Task.Delay(1);
        }
    }

    /// <summary>A valid POST /api/products body as a mutable JSON object, so a test can break one field.</summary>
    public static Dictionary<string, object?> ValidBody(string categoryId) => new()
    {
        ["title"] = "Kenner Boba Fett 1979",
        ["description"] = "Loose, complete, bright paint, tight joints.",
        ["price"] = 180.5m,
        ["shipping"] = 8m,
        ["category"] = categoryId,
        ["images"] = new[] { "https://images.example/boba.jpg" },
        ["location"] = "Lyon",
    };

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<ProductDto> Product(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await Expect(response, expected);
        return (await response.Content.ReadFromJsonAsync<ProductDto>())!;
    }

    public static async Task<List<ProductDto>> ProductList(HttpResponseMessage response)
    {
        await Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<ProductDto>>())!;
    }

    /// <summary>Records holding lists compare by reference: two products are the same when their JSON is.</summary>
    public static void SameProducts(IEnumerable<ProductDto> expected, IEnumerable<ProductDto> actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    public static int TotalCount(HttpResponseMessage response) => int.Parse(response.Headers.GetValues(Paging.TotalCountHeader).Single());

    /// <summary>The response has this status and, for a 4xx, the shop's error body.</summary>
    public static async Task<ApiError?> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        if ((int)expected < 400)
        {
            return null;
        }

        var error = JsonSerializer.Deserialize<ApiError>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.False(string.IsNullOrWhiteSpace(error?.Error), $"A {(int)expected} must carry an error message: {body}");
        return error;
    }

    /// <summary>A 400 that names <paramref name="field"/> among its field errors.</summary>
    public static async Task ExpectFieldError(HttpResponseMessage response, string field)
    {
        var error = await Expect(response, HttpStatusCode.BadRequest);
        Assert.True(error!.Errors?.ContainsKey(field) == true, $"Expected a field error for '{field}': {error.Error}");
    }

    private static T Value<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        return outcome.Value!;
    }
}

/// <summary>The catalogue host on a PostgreSQL database of its own.</summary>
public sealed class PostgresCatalogueHost() : CatalogueHost(StorageProvider.Postgres);
