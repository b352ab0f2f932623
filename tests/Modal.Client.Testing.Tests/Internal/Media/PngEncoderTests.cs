using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Tests.Internal.Media;

public sealed class PngEncoderTests
{
    [Fact]
    public void Encode_AnySize_ChunksHaveValidCrcAndPixelsInflateToRows()
    {
        var png = PngEncoder.Encode(33, 17, MediaIdentity.Create("/flux", 1, "p"), [new("fake-prompt", "ünïcode")]);

        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "iTXt", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.All(chunks, c => Assert.True(c.CrcValid, $"CRC of {c.Type}"));
        using var inflate = new ZLibStream(new MemoryStream(chunks.Single(c => c.Type == "IDAT").Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        Assert.Equal(17 * (1 + (33 * 3)), raw.Length);
        Assert.Contains("ünïcode", Encoding.UTF8.GetString(chunks[1].Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_LargeImage_StaysSmall()
    {
        var png = PngEncoder.Encode(1664, 1664, MediaIdentity.Create("/qwen-image-2512", 1, "p"), []);

        Assert.InRange(png.Length, 100, 200_000);
    }

    private static List<(string Type, byte[] Data, bool CrcValid)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[], bool)>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            chunks.Add((type, data, crc == Crc(png.AsSpan(offset + 4, 4 + length))));
            offset += 12 + length;
        }

        return chunks;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        // Bitwise reference CRC-32, independent of the production table.
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
