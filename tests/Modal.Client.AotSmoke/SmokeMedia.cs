using System.Buffers.Binary;
using System.IO.Compression;

namespace Modal.Client.AotSmoke;

/// <summary>Small but well-formed media files, as the apps return them: a PNG, an animated WebP and an MP4.</summary>
internal static class SmokeMedia
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A valid grey RGB PNG of the given size (IHDR, one zlib IDAT, IEND, with CRCs).</summary>
    public static byte[] Png(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB
        Chunk(output, "IHDR"u8, header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            row.AsSpan(1).Fill(0x80);
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(output, "IDAT"u8, pixels.ToArray());
        Chunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>The head of an animated WebP as /wan2.6 returns it: RIFF/WEBP, VP8X with the animation flag, ANIM.</summary>
    public static byte[] AnimatedWebP(int width, int height)
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        var vp8x = new byte[10];
        vp8x[0] = 0x02; // animation
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        RiffChunk(body, "VP8X"u8, vp8x);
        RiffChunk(body, "ANIM"u8, [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00]);

        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, (int)body.Length);
        output.Write(size);
        output.Write(body.ToArray());
        return output.ToArray();
    }

    /// <summary>An MP4 as /video-faceswap returns it: an <c>ftyp</c> box (brand isom) and an <c>mdat</c> payload.</summary>
    public static byte[] Mp4(int payloadBytes)
    {
        var file = new byte[32 + 8 + payloadBytes];
        BinaryPrimitives.WriteInt32BigEndian(file, 32);
        "ftypisom"u8.CopyTo(file.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(12), 0x200);
        "isomiso2avc1mp41"u8.CopyTo(file.AsSpan(16));
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(32), 8 + payloadBytes);
        "mdat"u8.CopyTo(file.AsSpan(36));
        for (var i = 0; i < payloadBytes; i++)
        {
            file[40 + i] = (byte)(i * 31);
        }

        return file;
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        var crc = Crc32(0xFFFFFFFFu, type);
        crc = Crc32(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        output.Write(number);
    }

    private static void RiffChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        output.Write(type);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
        output.Write(size);
        output.Write(data);
        if (data.Length % 2 == 1)
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

    private static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
