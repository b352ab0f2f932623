namespace Modal.Client.Internal;

/// <summary>Recognises media formats from magic bytes (sizes and frame counts: <see cref="MediaHeaderReader"/>).</summary>
internal static class MediaSniffer
{
    public static MediaFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaFormat.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaFormat.Jpeg;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return IsAnimatedWebP(bytes) ? MediaFormat.AnimatedWebP : MediaFormat.WebP;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return MediaFormat.Gif;
        }

        if (bytes.Length >= 8 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return MediaFormat.Mp4;
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? MediaFormat.WebM : MediaFormat.Unknown;
    }

    public static string MediaType(MediaFormat format) => format switch
    {
        MediaFormat.Png => "image/png",
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.WebP or MediaFormat.AnimatedWebP => "image/webp",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Mp4 => "video/mp4",
        MediaFormat.WebM => "video/webm",
        _ => "application/octet-stream",
    };

    public static string Extension(MediaFormat format) => format switch
    {
        MediaFormat.Png => ".png",
        MediaFormat.Jpeg => ".jpg",
        MediaFormat.WebP or MediaFormat.AnimatedWebP => ".webp",
        MediaFormat.Gif => ".gif",
        MediaFormat.Mp4 => ".mp4",
        MediaFormat.WebM => ".webm",
        _ => ".bin",
    };

    public static bool IsVideo(MediaFormat format) => format is MediaFormat.Mp4 or MediaFormat.WebM or MediaFormat.AnimatedWebP;

    public static bool IsImage(MediaFormat format) => format is MediaFormat.Png or MediaFormat.Jpeg or MediaFormat.WebP or MediaFormat.Gif;

    private static bool IsAnimatedWebP(ReadOnlySpan<byte> bytes)
    {
        // VP8X header: chunk "VP8X" at offset 12, flags byte at 20, bit 1 (0x02) = animation.
        return bytes.Length >= 21 && bytes[12..16].SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;
    }
}
