using System.Text.Json;
using System.Text.RegularExpressions;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Silo.Products;

/// <summary>POST /api/products; a client-supplied id or status is ignored.</summary>
public sealed record NewListingBody(
    string? Title,
    string? Description,
    decimal? Price,
    decimal? Shipping,
    string? Category,
    IReadOnlyList<string?>? Images,
    string? Location);

/// <summary>PATCH /api/products/{id}: an absent or null field stays as it is; <c>status</c> is refused.</summary>
public sealed record ListingEditBody(
    string? Title,
    string? Description,
    decimal? Price,
    decimal? Shipping,
    string? Category,
    IReadOnlyList<string?>? Images,
    string? Location,
    JsonElement? Status);

/// <summary>The listing rules of API.md, checked field by field so a 400 names every problem.</summary>
public static partial class ListingInput
{
    private const int MaxImages = 8;
    private const int MaxLocationLength = 120;
    private const int MaxImageUrlLength = 2048;
    private const decimal MaxPrice = 1_000_000m;
    private const decimal MaxShipping = 10_000m;

    public static async Task<ListingDraft?> Draft(NewListingBody body, IGrainFactory grains, ShopReadModel readModel, FieldErrors errors)
    {
        var title = Text(body.Title, "title", 3, 120, errors, required: true);
        var description = Text(body.Description, "description", 10, 5000, errors, required: true);
        var price = Price(body.Price, errors, required: true);
        var shipping = Shipping(body.Shipping, errors) ?? 0m;
        var category = await Category(body.Category, grains, errors, required: true);
        var images = await Images(body.Images, readModel, errors, required: true);
        var location = Location(body.Location, errors);
        if (errors.Any)
        {
            return null;
        }

        return new ListingDraft(title!, description!, price!.Value, shipping, category!, images!, string.IsNullOrEmpty(location) ? null : location);
    }

    public static async Task<ListingChanges?> Changes(ListingEditBody body, IGrainFactory grains, ShopReadModel readModel, FieldErrors errors)
    {
        if (body.Status is { ValueKind: not JsonValueKind.Null })
        {
            errors.Add("status", "status cannot be set by an edit: moderation and orders change it.");
        }

        var title = Text(body.Title, "title", 3, 120, errors, required: false);
        var description = Text(body.Description, "description", 10, 5000, errors, required: false);
        var price = Price(body.Price, errors, required: false);
        var shipping = Shipping(body.Shipping, errors);
        var category = await Category(body.Category, grains, errors, required: false);
        var images = await Images(body.Images, readModel, errors, required: false);
        var location = Location(body.Location, errors);
        return errors.Any ? null : new ListingChanges(title, description, price, shipping, category, images, location);
    }

    private static string? Text(string? value, string field, int min, int max, FieldErrors errors, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"{field} is required.");
            }

            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length < min || trimmed.Length > max)
        {
            errors.Add(field, $"{field} must be {min} to {max} characters long.");
        }

        return trimmed;
    }

    private static decimal? Price(decimal? value, FieldErrors errors, bool required)
    {
        if (value is not { } price)
        {
            if (required)
            {
                errors.Add("price", "price is required.");
            }

            return null;
        }

        if (price <= 0 || price > MaxPrice)
        {
            errors.Add("price", $"price must be more than 0 and at most {MaxPrice:0}.");
        }
        else if (!HasCents(price))
        {
            errors.Add("price", "price may have at most 2 decimals.");
        }

        return decimal.Round(price, 2);
    }

    private static decimal? Shipping(decimal? value, FieldErrors errors)
    {
        if (value is not { } shipping)
        {
            return null;
        }

        if (shipping < 0 || shipping > MaxShipping)
        {
            errors.Add("shipping", $"shipping must be between 0 and {MaxShipping:0}.");
        }
        else if (!HasCents(shipping))
        {
            errors.Add("shipping", "shipping may have at most 2 decimals.");
        }

        return decimal.Round(shipping, 2);
    }

    private static bool HasCents(decimal amount) => decimal.Round(amount, 2) == amount;

    private static async Task<string?> Category(string? value, IGrainFactory grains, FieldErrors errors, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add("category", "category is required.");
            }

            return null;
        }

        var id = value.Trim();
        var categories = await grains.GetGrain<ICategoriesGrain>(0).List();
        if (!categories.Any(category => category.Id == id))
        {
            errors.Add("category", $"There is no category '{id}'.");
        }

        return id;
    }

    private static async Task<IReadOnlyList<string>?> Images(IReadOnlyList<string?>? value, ShopReadModel readModel, FieldErrors errors, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add("images", "images is required: a listing needs at least one photo.");
            }

            return null;
        }

        if (value.Count is 0 or > MaxImages)
        {
            errors.Add("images", $"A listing has 1 to {MaxImages} photos.");
        }

        var urls = new List<string>(value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            var url = value[i]?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                errors.Add("images", $"images[{i}] is empty.");
            }
            else if (!await IsShopImage(url, readModel) && !IsHttpsUrl(url))
            {
                errors.Add("images", $"images[{i}] must be an /uploads/… URL of an image uploaded to this shop, or an https:// URL.");
            }
            else
            {
                urls.Add(url);
            }
        }

        return urls;
    }

    private static async Task<bool> IsShopImage(string url, ShopReadModel readModel)
    {
        var match = UploadUrl().Match(url);
        if (!match.Success)
        {
            return false;
        }

        var contentType = await readModel.ImageContentType(match.Groups["id"].Value);
        return (contentType, match.Groups["ext"].Value) switch
        {
            ("image/jpeg", "jpg" or "jpeg") => true,
            ("image/png", "png") => true,
            ("image/webp", "webp") => true,
            ("image/gif", "gif") => true,
            _ => false,
        };
    }

    private static bool IsHttpsUrl(string url) =>
        url.Length <= MaxImageUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.Host.Length > 0;

    private static string? Location(string? value, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > MaxLocationLength })
        {
            errors.Add("location", $"location may be at most {MaxLocationLength} characters long.");
        }

        return trimmed;
    }

    [GeneratedRegex("^/uploads/(?<id>[A-Za-z0-9_-]{1,64})\\.(?<ext>[a-z0-9]{2,5})$")]
    private static partial Regex UploadUrl();
}
