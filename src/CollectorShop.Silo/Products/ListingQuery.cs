using System.Globalization;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace CollectorShop.Silo.Products;

/// <summary>The query string of the listing lists, taken as text so every bad value is a precise field error.</summary>
public sealed record ListingQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "minPrice")] string? MinPrice,
    [FromQuery(Name = "maxPrice")] string? MaxPrice,
    [FromQuery(Name = "sellerId")] string? SellerId,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize)
{
    /// <summary>The value of <c>sellerId</c> that stands for the caller.</summary>
    public const string Me = "me";

    private const int MaxQueryLength = 200;

    private static readonly Dictionary<string, ListingSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["newest"] = ListingSort.Newest,
        ["price_asc"] = ListingSort.PriceAsc,
        ["price_desc"] = ListingSort.PriceDesc,
    };

    public bool AsksForMine => SellerId == Me;

    /// <summary>The filters, sort and page, with the statuses the caller's route allows; null when a value is invalid.</summary>
    public ListingSearch? ToSearch(string? sellerId, IReadOnlyCollection<ListingStatus> statuses, FieldErrors errors)
    {
        var q = Q?.Trim();
        if (q is { Length: > MaxQueryLength })
        {
            errors.Add("q", $"q may be at most {MaxQueryLength} characters long.");
        }

        var minPrice = Amount(MinPrice, "minPrice", errors);
        var maxPrice = Amount(MaxPrice, "maxPrice", errors);
        if (minPrice > maxPrice)
        {
            errors.Add("minPrice", "minPrice may not be more than maxPrice.");
        }

        var sort = ListingSort.Newest;
        if (Sort is not null && !Sorts.TryGetValue(Sort, out sort))
        {
            errors.Add("sort", $"sort must be one of {string.Join(", ", Sorts.Keys)}.");
        }

        var paging = PageRequest.Parse(Integer(Page, "page", errors), Integer(PageSize, "pageSize", errors), errors);
        if (errors.Any)
        {
            return null;
        }

        return new ListingSearch(
            Q: string.IsNullOrEmpty(q) ? null : q,
            CategoryId: string.IsNullOrWhiteSpace(Category) ? null : Category.Trim(),
            MinPrice: minPrice,
            MaxPrice: maxPrice,
            SellerId: sellerId,
            Statuses: statuses,
            Sort: sort,
            Page: paging.Page,
            PageSize: paging.PageSize);
    }

    /// <summary>The status asked for, or null when none was; an unknown status is a field error.</summary>
    public ListingStatus? ParseStatus(FieldErrors errors)
    {
        if (Status is null)
        {
            return null;
        }

        if (WireNames.TryParse<ListingStatus>(Status, out var status))
        {
            return status;
        }

        errors.Add("status", $"status must be one of {string.Join(", ", Enum.GetValues<ListingStatus>().Select(WireNames.Of))}.");
        return null;
    }

    private static decimal? Amount(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        const NumberStyles plainDecimal = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(text, plainDecimal, CultureInfo.InvariantCulture, out var amount) || decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"{field} must be an amount in euros such as 12.50.");
            return null;
        }

        return amount;
    }

    private static int? Integer(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(field, $"{field} must be a whole number.");
            return null;
        }

        return value;
    }
}
