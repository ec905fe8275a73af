using System.Globalization;

namespace CollectorShop.Silo.Persistence;

/// <summary>
/// Where Orleans' ADO.NET storage files a string grain key: one that parses as a GUID ("N" format) or
/// as hex goes into GrainIdN0/GrainIdN1 (with anything after a '+' as the extension), any other key
/// into GrainIdExtensionString. Shop ids are GUID-shaped, so their rows hold no readable key.
/// </summary>
internal readonly record struct StoredGrainKey(long N0, long N1, string Extension)
{
    public static StoredGrainKey Of(string key)
    {
        var grainId = GrainId.Create("any", key);
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return new(BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension ?? "");
        }

        if (grainId.TryGetIntegerKey(out var number, out var numberExtension))
        {
            return new(0, number, numberExtension ?? "");
        }

        return new(0, 0, key);
    }

    /// <summary>A key Orleans files under these same columns, so its activation reads this row.</summary>
    public string ToKey()
    {
        if (N0 == 0 && N1 == 0 && Extension.Length > 0)
        {
            return Extension;
        }

        var extension = Extension.Length > 0 ? "+" + Extension : "";
        if (N0 == 0)
        {
            return N1.ToString("X", CultureInfo.InvariantCulture) + extension;
        }

        var guid = new Guid([.. BitConverter.GetBytes(N0), .. BitConverter.GetBytes(N1)]);
        return guid.ToString("N") + extension;
    }
}
