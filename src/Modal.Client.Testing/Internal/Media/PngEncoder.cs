using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>
/// Writes a real 8-bit RGB PNG of any size cheaply: the first row is a gradient picked by the identity, every further
/// row uses the PNG "Up" filter with a constant delta, so the deflate stream is mostly runs and stays small.
/// Text goes into <c>tEXt</c> chunks (ASCII values) or <c>iTXt</c> chunks (UTF-8 values).
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(int width, int height, MediaIdentity identity, IReadOnlyList<KeyValuePair<string, string>> text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering
        ihdr[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, ihdr);

        foreach (var (key, value) in text)
        {
            if (value.All(c => c is >= ' ' and <= '~'))
            {
                WriteChunk(output, "tEXt"u8, Encoding.Latin1.GetBytes(key + "\0" + value));
            }
            else
            {
                WriteChunk(output, "iTXt"u8, InternationalText(key, value));
            }
        }

        WriteChunk(output, "IDAT"u8, Pixels(width, height, identity));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Pixels(int width, int height, MediaIdentity identity)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (3 * width)];
            row[0] = 0; // filter: None
            for (var x = 0; x < width; x++)
            {
                var t = width == 1 ? 0 : x * 255 / (width - 1);
                row[1 + (3 * x)] = (byte)(identity[0] + (t * (identity[3] % 3)));
                row[2 + (3 * x)] = (byte)(identity[1] + (t * (identity[4] % 2)));
                row[3 + (3 * x)] = (byte)(identity[2] + (t * (1 + (identity[5] % 2))));
            }

            zlib.Write(row);

            // Every following row: filter Up with a constant delta per channel, a vertical gradient.
            row[0] = 2;
            var delta = (byte)(1 + (identity[6] % 3));
            row.AsSpan(1).Fill(delta);
            for (var y = 1; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static byte[] InternationalText(string key, string value)
    {
        // keyword \0 compression-flag(0) compression-method(0) language-tag \0 translated-keyword \0 text(UTF-8)
        var keyword = Encoding.Latin1.GetBytes(key);
        var body = Encoding.UTF8.GetBytes(value);
        var data = new byte[keyword.Length + 5 + body.Length];
        keyword.CopyTo(data, 0);
        body.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Compute(type, data));
        output.Write(buffer);
    }
}
