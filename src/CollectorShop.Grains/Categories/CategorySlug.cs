using System.Text;

namespace CollectorShop.Grains;

/// <summary>Turns a category name into its URL id: "Vinyles & Disques" → "vinyles-disques".</summary>
internal static class CategorySlug
{
    // The shop runs with invariant globalization, which cannot decompose accents, so Latin letters are folded by table.
    private static readonly Dictionary<char, string> Folded = new (string Letters, string Ascii)[]
    {
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķĸ", "k"),
        ("ĺļľŀł", "l"), ("ñńņňŉŋ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"), ("ŕŗř", "r"),
        ("śŝşšſ", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"),
        ("ýÿŷ", "y"), ("źżž", "z"),
    }.SelectMany(group => group.Letters.Select(letter => (letter, group.Ascii)))
     .ToDictionary(pair => pair.letter, pair => pair.Ascii);

    /// <summary>Lower-case ASCII letters and digits, every other run of characters becoming one '-', no '-' at either end.</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (Folded.TryGetValue(character, out var ascii))
            {
                slug.Append(ascii);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
