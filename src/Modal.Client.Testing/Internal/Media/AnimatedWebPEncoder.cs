using System.Buffers.Binary;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>
/// Writes a real animated WebP: RIFF/WEBP with VP8X (animation flag), ANIM and one ANMF per frame, each frame a
/// lossless VP8L bitstream of one colour (five one-symbol prefix codes, so the pixel data needs no bits at all).
/// </summary>
internal static class AnimatedWebPEncoder
{
    public const int MaxDimension = 16384;

    public static byte[] Encode(int width, int height, int frames, int frameDurationMs, MediaIdentity identity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);

        using var body = new MemoryStream();
        body.Write("WEBP"u8);

        var vp8x = new byte[10];
        vp8x[0] = 0x02; // animation
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        Chunk(body, "VP8X"u8, vp8x);

        // Background colour (BGRA) white, loop forever.
        Chunk(body, "ANIM"u8, [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00]);

        var duration = Math.Clamp(frameDurationMs, 1, 0xFFFFFF);
        for (var frame = 0; frame < frames; frame++)
        {
            var bitstream = Vp8L(
                width,
                height,
                red: (byte)(identity[10] + (frame * 7)),
                green: (byte)(identity[11] + (frame * 5)),
                blue: (byte)(identity[12] + (frame * 3)));

            using var anmf = new MemoryStream();
            var header = new byte[16];
            WriteUInt24(header.AsSpan(0), 0); // X / 2
            WriteUInt24(header.AsSpan(3), 0); // Y / 2
            WriteUInt24(header.AsSpan(6), width - 1);
            WriteUInt24(header.AsSpan(9), height - 1);
            WriteUInt24(header.AsSpan(12), duration);
            header[15] = 0x02; // do not blend, no disposal
            anmf.Write(header);
            Chunk(anmf, "VP8L"u8, bitstream);
            Chunk(body, "ANMF"u8, anmf.ToArray());
        }

        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, (int)body.Length);
        output.Write(size);
        body.Position = 0;
        body.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Vp8L(int width, int height, byte red, byte green, byte blue)
    {
        var bits = new LsbBitWriter();
        bits.Write(0x2F, 8); // signature
        bits.Write(width - 1, 14);
        bits.Write(height - 1, 14);
        bits.Write(0, 1); // alpha_is_used
        bits.Write(0, 3); // version
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes

        // Prefix code group: green (+length), red, blue, alpha, distance; each a simple code with one symbol.
        SingleSymbol(bits, green);
        SingleSymbol(bits, red);
        SingleSymbol(bits, blue);
        SingleSymbol(bits, 0xFF);
        SingleSymbol(bits, 0);

        // Every pixel is then a run of zero-bit literals: no image data follows.
        return bits.ToArray();
    }

    private static void SingleSymbol(LsbBitWriter bits, int symbol)
    {
        bits.Write(1, 1); // simple code
        bits.Write(0, 1); // num_symbols - 1
        if (symbol < 2)
        {
            bits.Write(0, 1); // is_first_8bits
            bits.Write(symbol, 1);
        }
        else
        {
            bits.Write(1, 1);
            bits.Write(symbol, 8);
        }
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> fourCc, ReadOnlySpan<byte> payload)
    {
        output.Write(fourCc);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, payload.Length);
        output.Write(size);
        output.Write(payload);
        if ((payload.Length & 1) == 1)
        {
            output.WriteByte(0);
        }
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private sealed class LsbBitWriter
    {
        private readonly List<byte> bytes = [];
        private int current;
        private int used;

        public void Write(int value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                current |= ((value >> i) & 1) << used;
                if (++used == 8)
                {
                    bytes.Add((byte)current);
                    current = 0;
                    used = 0;
                }
            }
        }

        public byte[] ToArray()
        {
            if (used > 0)
            {
                bytes.Add((byte)current);
                current = 0;
                used = 0;
            }

            return [.. bytes];
        }
    }
}
