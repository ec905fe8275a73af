namespace CollectorShop.Silo.Uploads;

/// <summary>The picture formats the shop accepts, recognised by their first bytes, never by a name or a declared type.</summary>
public sealed record ImageFormat(string ContentType, string Extension)
{
    public static readonly ImageFormat Jpeg = new("image/jpeg", "jpg");
    public static readonly ImageFormat Png = new("image/png", "png");
    public static readonly ImageFormat WebP = new("image/webp", "webp");
    public static readonly ImageFormat Gif = new("image/gif", "gif");

    private static readonly ImageFormat[] All = [Jpeg, Png, WebP, Gif];

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngStart => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Gif87a => "GIF87a"u8;
    private static ReadOnlySpan<byte> Gif89a => "GIF89a"u8;
    private static ReadOnlySpan<byte> Riff => "RIFF"u8;
    private static ReadOnlySpan<byte> WebPMark => "WEBP"u8;

    /// <summary>The format whose signature the content starts with, or null.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(JpegStart))
        {
            return Jpeg;
        }

        if (content.StartsWith(PngStart))
        {
            return Png;
        }

        if (content.StartsWith(Gif87a) || content.StartsWith(Gif89a))
        {
            return Gif;
        }

        // RIFF, then the 4-byte chunk size, then the form type.
        if (content.Length >= 12 && content.StartsWith(Riff) && content[8..12].SequenceEqual(WebPMark))
        {
            return WebP;
        }

        return null;
    }

    public static ImageFormat? OfContentType(string contentType) =>
        All.FirstOrDefault(format => format.ContentType == contentType);
}
