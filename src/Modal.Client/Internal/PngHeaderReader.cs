using System.Buffers.Binary;

namespace Modal.Client.Internal;

/// <summary>Reads a PNG's size from its <c>IHDR</c> chunk, which the format requires to come first.</summary>
internal static class PngHeaderReader
{
    public static MediaInfo Read(MediaBytes bytes)
    {
        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
        Span<byte> header = stackalloc byte[24];
        if (!bytes.TryRead(0, header) || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return MediaInfo.None;
        }

        return MediaInfo.Size(BinaryPrimitives.ReadUInt32BigEndian(header[16..]), BinaryPrimitives.ReadUInt32BigEndian(header[20..]));
    }
}
