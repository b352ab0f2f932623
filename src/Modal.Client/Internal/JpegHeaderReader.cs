using System.Buffers.Binary;

namespace Modal.Client.Internal;

/// <summary>
/// Reads a JPEG's size from its start-of-frame marker (baseline, progressive, lossless or arithmetic), walking the
/// segments before it by their lengths; gives up at the first scan or anything malformed.
/// </summary>
internal static class JpegHeaderReader
{
    /// <summary>More segments than any real file has before its frame header.</summary>
    private const int MaxSegments = 4096;

    public static MediaInfo Read(MediaBytes bytes)
    {
        Span<byte> marker = stackalloc byte[4];
        Span<byte> frame = stackalloc byte[5];
        long offset = 2; // after SOI
        for (var segment = 0; segment < MaxSegments; segment++)
        {
            if (!bytes.TryRead(offset, marker[..2]) || marker[0] != 0xFF)
            {
                return MediaInfo.None;
            }

            var code = marker[1];
            if (code == 0xFF)
            {
                offset++; // fill byte
                continue;
            }

            if (code is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                offset += 2; // markers without a length
                continue;
            }

            if (code is 0xD9 or 0xDA)
            {
                return MediaInfo.None; // end of image or start of scan before any frame header
            }

            if (!bytes.TryRead(offset, marker))
            {
                return MediaInfo.None;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(marker[2..]);
            if (length < 2)
            {
                return MediaInfo.None;
            }

            if (IsStartOfFrame(code))
            {
                // Length (2), precision (1), height (2), width (2).
                return length >= 7 && bytes.TryRead(offset + 4, frame)
                    ? MediaInfo.Size(BinaryPrimitives.ReadUInt16BigEndian(frame[3..]), BinaryPrimitives.ReadUInt16BigEndian(frame[1..]))
                    : MediaInfo.None;
            }

            offset += 2 + length;
        }

        return MediaInfo.None;
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsStartOfFrame(byte code) => code is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
