using System.Buffers.Binary;

namespace Modal.Client.Internal;

/// <summary>Recognises media formats from magic bytes, and reads image sizes where cheap.</summary>
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

    /// <summary>Width and height from a PNG IHDR or a JPEG SOF marker; null for other formats or truncated data.</summary>
    public static (int Width, int Height)? ImageSize(ReadOnlySpan<byte> bytes, MediaFormat format)
    {
        if (format == MediaFormat.Png && bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
        }

        return format == MediaFormat.Jpeg ? JpegSize(bytes) : null;
    }

    private static (int, int)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isStartOfFrame)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            i += 2 + length;
        }

        return null;
    }

    private static bool IsAnimatedWebP(ReadOnlySpan<byte> bytes)
    {
        // VP8X header: chunk "VP8X" at offset 12, flags byte at 20, bit 1 (0x02) = animation.
        return bytes.Length >= 21 && bytes[12..16].SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;
    }
}
