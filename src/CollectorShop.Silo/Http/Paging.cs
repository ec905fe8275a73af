using System.Globalization;

namespace CollectorShop.Silo.Http;

/// <summary>A validated page request: 1-based page, bounded page size.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>Null page/pageSize take the defaults; out-of-range values are field errors.</summary>
    public static PageRequest Parse(int? page, int? pageSize, FieldErrors errors, int defaultSize = 24, int maxSize = 100)
    {
        if (page is < 1)
        {
            errors.Add("page", "page must be 1 or more.");
        }

        if (pageSize is { } size && (size < 1 || size > maxSize))
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {maxSize}.");
        }

        return new PageRequest(page ?? 1, pageSize ?? defaultSize);
    }
}

public static class Paging
{
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>Lists stay bare arrays, as the original API returned them; the total travels in a header.</summary>
    public static void SetTotalCount(this HttpResponse response, int total) =>
        response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
}
