using System.Buffers.Binary;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>Recognises the image formats PIL opens (by magic bytes) and reads their pixel size where it is cheap.</summary>
internal static class ImageProbe
{
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> MatroskaMagic => [0x1A, 0x45, 0xDF, 0xA3];

    /// <summary>True when the bytes start like an image PIL can open: PNG, JPEG, GIF, BMP, WebP or TIFF.</summary>
    public static bool IsImage(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngMagic)
        || data.StartsWith(JpegMagic)
        || data.StartsWith("GIF8"u8)
        || data.StartsWith("BM"u8)
        || IsWebP(data)
        || data.StartsWith("II*\0"u8)
        || data.StartsWith("MM\0*"u8);

    /// <summary>True for a video container the face-swap graph loads: MP4/MOV (<c>ftyp</c>), WebM/Matroska or WebP.</summary>
    public static bool IsVideo(ReadOnlySpan<byte> data) =>
        (data.Length >= 8 && data[4..8].SequenceEqual("ftyp"u8))
        || data.StartsWith(MatroskaMagic)
        || IsWebP(data);

    public static bool TryGetSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        if (data.Length >= 24 && data.StartsWith(PngMagic))
        {
            width = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
            height = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
        }
        else if (data.StartsWith(JpegMagic))
        {
            return TryJpegSize(data, out width, out height);
        }
        else if (data.Length >= 10 && data.StartsWith("GIF8"u8))
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        }
        else if (data.Length >= 26 && data.StartsWith("BM"u8))
        {
            width = Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(data[18..]));
            height = Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
        }
        else if (IsWebP(data) && data.Length >= 30)
        {
            return TryWebPSize(data, out width, out height);
        }

        return width > 0 && height > 0;
    }

    private static bool IsWebP(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8);

    private static bool TryJpegSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return false;
            }

            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return width > 0 && height > 0;
            }

            i += 2 + length;
        }

        return false;
    }

    private static bool TryWebPSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
            height = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
        }
        else if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            width = 1 + (int)(bits & 0x3FFF);
            height = 1 + (int)((bits >> 14) & 0x3FFF);
        }
        else if (chunk.SequenceEqual("VP8 "u8))
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF;
        }

        return width > 0 && height > 0;
    }
}
