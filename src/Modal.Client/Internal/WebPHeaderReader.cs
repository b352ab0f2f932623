using System.Buffers.Binary;

namespace Modal.Client.Internal;

/// <summary>
/// Reads a WebP's size from its first chunk (<c>VP8 </c> lossy, <c>VP8L</c> lossless or the <c>VP8X</c> canvas) and,
/// for an animation, counts its <c>ANMF</c> frames and adds up their durations by walking the RIFF chunks.
/// </summary>
internal static class WebPHeaderReader
{
    /// <summary>Chunks walked at most (a frame is one chunk); more than any animation the endpoints produce.</summary>
    private const int MaxChunks = 1_000_000;

    private const byte AnimationFlag = 0x02;

    public static MediaInfo Read(MediaBytes bytes)
    {
        // "RIFF", size, "WEBP", then the first chunk's fourcc, size and 10 bytes of its payload.
        // The smallest lossless file has 25 bytes; the other headers need 30.
        Span<byte> head = stackalloc byte[30];
        var available = (int)Math.Min(bytes.Length, head.Length);
        if (available < 25 || !bytes.TryRead(0, head[..available]) || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaInfo.None;
        }

        var chunk = head[12..16];
        var payload = head[20..];
        if (chunk.SequenceEqual("VP8 "u8) && available == head.Length)
        {
            // Frame tag (3 bytes, bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit width and height.
            return (payload[0] & 0x01) == 0 && payload[3] == 0x9D && payload[4] == 0x01 && payload[5] == 0x2A
                ? Still(MediaInfo.Size(BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF))
                : MediaInfo.None;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width-1 and height-1 in 14 bits each, least significant bit first.
            if (payload[0] != 0x2F)
            {
                return MediaInfo.None;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            return Still(MediaInfo.Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
        }

        if (!chunk.SequenceEqual("VP8X"u8) || available < head.Length)
        {
            return MediaInfo.None;
        }

        // Flags (1), reserved (3), canvas width-1 (24 bits), canvas height-1 (24 bits).
        var size = MediaInfo.Size(UInt24(payload[4..]) + 1L, UInt24(payload[7..]) + 1L);
        if ((payload[0] & AnimationFlag) == 0)
        {
            return Still(size);
        }

        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        var (frames, milliseconds) = CountFrames(bytes, Math.Min(riffEnd, bytes.Length));
        return size with
        {
            FrameCount = frames > 0 ? frames : null,
            PlaybackDuration = frames > 0 && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : null,
        };
    }

    private static (int Frames, long Milliseconds) CountFrames(MediaBytes bytes, long end)
    {
        Span<byte> header = stackalloc byte[8];
        Span<byte> frame = stackalloc byte[16];
        var frames = 0;
        long milliseconds = 0;
        long offset = 12;
        for (var chunk = 0; chunk < MaxChunks && offset + 8 <= end; chunk++)
        {
            if (!bytes.TryRead(offset, header))
            {
                break;
            }

            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var payloadStart = offset + 8;
            if (payloadStart + size > end)
            {
                break; // truncated: count only whole frames
            }

            if (header[..4].SequenceEqual("ANMF"u8) && size >= frame.Length && bytes.TryRead(payloadStart, frame))
            {
                // X/2, Y/2, width-1, height-1, duration: 24 bits each; then flags.
                frames++;
                milliseconds += UInt24(frame[12..]);
            }

            offset = payloadStart + size + (size & 1);
        }

        return (frames, milliseconds);
    }

    /// <summary>A still image is one frame (when its size could be read).</summary>
    private static MediaInfo Still(MediaInfo size) => size.Width is null ? size : size with { FrameCount = 1 };

    private static int UInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
