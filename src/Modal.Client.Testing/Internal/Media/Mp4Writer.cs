using System.Buffers.Binary;
using System.Text;

namespace Modal.Client.Testing.Internal.Media;

/// <summary>
/// Writes a structurally valid ISO BMFF file: <c>ftyp</c> (brand isom), <c>moov</c> with <c>mvhd</c> and one video
/// <c>trak</c> (tkhd, mdia/mdhd/hdlr/minf/vmhd/dinf/stbl whose stts and stsz give one sample per frame at
/// <c>fps</c>), then an <c>mdat</c> whose payload is derived from the identity. It is not a decodable H.264 stream;
/// it sniffs and parses as MP4, with the size, frame count and duration a reader finds in a real one.
/// </summary>
internal static class Mp4Writer
{
    private static readonly int[] UnityMatrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

    /// <summary>The frame rate of <see cref="FakeMedia.Mp4"/>.</summary>
    public const int DefaultFps = 25;

    /// <summary>Each frame's duration in the media timescale (<c>fps × 512</c>, as ffmpeg picks for whole rates).</summary>
    private const int FrameTicks = 512;

    /// <summary>The frames a clip of <paramref name="durationMs"/> has at <paramref name="fps"/> (at least one).</summary>
    public static int FrameCount(int durationMs, int fps) => (int)Math.Max(1, Math.Round(durationMs * (double)fps / 1000, MidpointRounding.AwayFromZero));

    public static byte[] Write(int width, int height, int durationMs, MediaIdentity identity, int fps = DefaultFps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        var frames = FrameCount(durationMs, fps);
        using var output = new MemoryStream();
        Box(output, "ftyp", b =>
        {
            b.Write("isom"u8);
            U32(b, 0x200);
            b.Write("isomiso2avc1mp41"u8);
        });

        Box(output, "moov", moov =>
        {
            FullBox(moov, "mvhd", 0, 0, b =>
            {
                U32(b, 0); // creation
                U32(b, 0); // modification
                U32(b, 1000); // timescale
                U32(b, (uint)durationMs);
                U32(b, 0x00010000); // rate 1.0
                U16(b, 0x0100); // volume 1.0
                b.Write(new byte[10]);
                Matrix(b);
                b.Write(new byte[24]);
                U32(b, 2); // next track id
            });

            Box(moov, "trak", trak =>
            {
                FullBox(trak, "tkhd", 0, 3, b =>
                {
                    U32(b, 0);
                    U32(b, 0);
                    U32(b, 1); // track id
                    U32(b, 0);
                    U32(b, (uint)durationMs);
                    b.Write(new byte[8]);
                    U16(b, 0); // layer
                    U16(b, 0); // alternate group
                    U16(b, 0); // volume
                    U16(b, 0);
                    Matrix(b);
                    U32(b, (uint)width << 16);
                    U32(b, (uint)height << 16);
                });

                Box(trak, "mdia", mdia =>
                {
                    FullBox(mdia, "mdhd", 0, 0, b =>
                    {
                        U32(b, 0);
                        U32(b, 0);
                        U32(b, (uint)(fps * FrameTicks)); // timescale
                        U32(b, (uint)(frames * FrameTicks));
                        U16(b, 0x55C4); // 'und'
                        U16(b, 0);
                    });
                    FullBox(mdia, "hdlr", 0, 0, b =>
                    {
                        U32(b, 0);
                        b.Write("vide"u8);
                        b.Write(new byte[12]);
                        b.Write("VideoHandler\0"u8);
                    });
                    Box(mdia, "minf", minf =>
                    {
                        FullBox(minf, "vmhd", 0, 1, b => b.Write(new byte[8]));
                        Box(minf, "dinf", dinf => FullBox(dinf, "dref", 0, 0, b =>
                        {
                            U32(b, 1);
                            FullBox(b, "url ", 0, 1, _ => { });
                        }));
                        Box(minf, "stbl", stbl =>
                        {
                            FullBox(stbl, "stsd", 0, 0, b => U32(b, 0));
                            FullBox(stbl, "stts", 0, 0, b =>
                            {
                                U32(b, 1); // one run: every frame lasts FrameTicks
                                U32(b, (uint)frames);
                                U32(b, FrameTicks);
                            });
                            FullBox(stbl, "stsc", 0, 0, b => U32(b, 0));
                            FullBox(stbl, "stsz", 0, 0, b =>
                            {
                                U32(b, 1); // every sample one byte
                                U32(b, (uint)frames);
                            });
                            FullBox(stbl, "stco", 0, 0, b => U32(b, 0));
                        });
                    });
                });
            });
        });

        Box(output, "mdat", b =>
        {
            var payload = new byte[64];
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] = identity[i];
            }

            b.Write(payload);
        });

        return output.ToArray();
    }

    private static void Matrix(Stream b)
    {
        foreach (var value in UnityMatrix)
        {
            U32(b, (uint)value);
        }
    }

    private static void FullBox(Stream parent, string type, byte version, int flags, Action<Stream> content) =>
        Box(parent, type, b =>
        {
            U32(b, ((uint)version << 24) | (uint)flags);
            content(b);
        });

    private static void Box(Stream parent, string type, Action<Stream> content)
    {
        using var inner = new MemoryStream();
        content(inner);
        U32(parent, (uint)(inner.Length + 8));
        parent.Write(Encoding.ASCII.GetBytes(type));
        inner.Position = 0;
        inner.CopyTo(parent);
    }

    private static void U32(Stream s, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        s.Write(buffer);
    }

    private static void U16(Stream s, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        s.Write(buffer);
    }
}
