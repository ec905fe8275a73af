namespace CollectorShop.Silo.Products;

public static class ListingIds
{
    /// <summary>Ids are opaque, but one no listing could carry is a 404 without waking a grain for it.</summary>
    public static bool CanExist(string id) =>
        id.Length is > 0 and <= 64 && id.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_');
}
