using System.Buffers.Binary;
using System.Text;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>Reads the <c>tEXt</c> chunks of a PNG: the fake deployment writes the seed and prompt it used into them.</summary>
internal static class PngText
{
    public static IReadOnlyDictionary<string, string> Read(ReadOnlySpan<byte> png)
    {
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 8; // after the signature
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            var type = Encoding.ASCII.GetString(png.Slice(position + 4, 4));
            if (length < 0 || position + 12 + length > png.Length)
            {
                break;
            }

            if (type == "tEXt")
            {
                var data = png.Slice(position + 8, length);
                var separator = data.IndexOf((byte)0);
                if (separator > 0)
                {
                    text[Encoding.Latin1.GetString(data[..separator])] = Encoding.Latin1.GetString(data[(separator + 1)..]);
                }
            }

            if (type == "IEND")
            {
                break;
            }

            position += 12 + length;
        }

        return text;
    }
}
