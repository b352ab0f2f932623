using System.Text;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>
/// Writes a real baseline JPEG (JFIF, SOF0, 3 components, no subsampling) of any size in one colour: every 8×8 block
/// has only a DC coefficient, so the scan is a few bits per block. A COM segment carries the seed and prompt hash.
/// </summary>
internal static class JpegEncoder
{
    // ITU T.81 Annex K.3 table K.3: luminance DC code lengths and values.
    private static readonly byte[] DcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    // A one-symbol AC table: only End-Of-Block (0x00) is ever coded, with the 2-bit code 00.
    private static readonly byte[] AcBits = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] AcValues = [0x00];

    public static byte[] Encode(int width, int height, MediaIdentity identity, string comment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 65535);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 65535);

        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]); // SOI

        // APP0 JFIF 1.01, no units, 1:1 density, no thumbnail.
        Segment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(output, 0xFE, Encoding.ASCII.GetBytes(comment));

        // DQT: table 0, 8-bit precision, all ones (lossless quantisation of the DC value).
        var dqt = new byte[65];
        dqt.AsSpan(1).Fill(1);
        Segment(output, 0xDB, dqt);

        // SOF0: precision 8, height, width, 3 components (Y, Cb, Cr), sampling 1x1, quantisation table 0.
        Segment(output, 0xC0,
        [
            8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3,
            1, 0x11, 0,
            2, 0x11, 0,
            3, 0x11, 0,
        ]);

        // DHT: DC table 0 and AC table 0.
        var dht = new List<byte> { 0x00 };
        dht.AddRange(DcBits);
        dht.AddRange(DcValues);
        dht.Add(0x10);
        dht.AddRange(AcBits);
        dht.AddRange(AcValues);
        Segment(output, 0xC4, [.. dht]);

        // SOS: 3 components, all using DC table 0 / AC table 0; spectral selection 0..63, no approximation.
        Segment(output, 0xDA, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);

        WriteScan(output, width, height, identity);
        output.Write([0xFF, 0xD9]); // EOI
        return output.ToArray();
    }

    private static void WriteScan(Stream output, int width, int height, MediaIdentity identity)
    {
        var dcCodes = CanonicalCodes(DcBits, DcValues);
        var acCodes = CanonicalCodes(AcBits, AcValues);
        var (eobCode, eobLength) = acCodes[0x00];

        // One colour: level-shifted sample s gives the DC coefficient 8*s with a quantiser of 1.
        int[] dc =
        [
            8 * (identity[7] - 128),
            8 * ((128 + (identity[8] % 64)) - 128 - 32),
            8 * ((128 + (identity[9] % 64)) - 128 - 32),
        ];

        var writer = new EntropyWriter(output);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        for (var block = 0; block < blocks; block++)
        {
            for (var component = 0; component < 3; component++)
            {
                var diff = block == 0 ? dc[component] : 0;
                var magnitude = Math.Abs(diff);
                var category = magnitude == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)magnitude);
                var (code, length) = dcCodes[(byte)category];
                writer.Write(code, length);
                if (category > 0)
                {
                    var bits = diff > 0 ? diff : diff + (1 << category) - 1;
                    writer.Write(bits, category);
                }

                writer.Write(eobCode, eobLength);
            }
        }

        writer.Flush();
    }

    private static Dictionary<byte, (int Code, int Length)> CanonicalCodes(byte[] bits, byte[] values)
    {
        var codes = new Dictionary<byte, (int, int)>();
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < bits[length - 1]; i++)
            {
                codes[values[k++]] = (code, length);
                code++;
            }

            code <<= 1;
        }

        return codes;
    }

    private static void Segment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        var length = payload.Length + 2;
        output.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        output.Write(payload);
    }

    /// <summary>Writes Huffman bits MSB first, stuffing a zero byte after each 0xFF.</summary>
    private sealed class EntropyWriter(Stream output)
    {
        private int buffer;
        private int count;

        public void Write(int bits, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                buffer = (buffer << 1) | ((bits >> i) & 1);
                if (++count == 8)
                {
                    Emit();
                }
            }
        }

        public void Flush()
        {
            while (count != 0)
            {
                Write(1, 1); // pad with one-bits
            }
        }

        private void Emit()
        {
            var value = (byte)buffer;
            output.WriteByte(value);
            if (value == 0xFF)
            {
                output.WriteByte(0x00);
            }

            buffer = 0;
            count = 0;
        }
    }
}
