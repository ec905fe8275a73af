namespace CollectorShop.Grains;

/// <summary>The one place new ids come from: opaque, URL-safe, time-ordered.</summary>
public static class ShopIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
