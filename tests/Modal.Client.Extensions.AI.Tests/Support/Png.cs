using System.Buffers.Binary;

namespace Modal.Client.Extensions.AI.Tests.Support;

/// <summary>Reads a PNG's size from its IHDR chunk, so that tests can check images through Microsoft.Extensions.AI alone.</summary>
internal static class Png
{
    private static readonly byte[] Magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        Assert.True(span.StartsWith(Magic), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(span[16..]), BinaryPrimitives.ReadInt32BigEndian(span[20..]));
    }
}
