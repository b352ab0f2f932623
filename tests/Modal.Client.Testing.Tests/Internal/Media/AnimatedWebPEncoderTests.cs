using System.Text;
using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Tests.Internal.Media;

public sealed class AnimatedWebPEncoderTests
{
    [Fact]
    public void Encode_Frames_RiffTreeIsConsistent()
    {
        var webp = AnimatedWebPEncoder.Encode(832, 480, 3, 62, MediaIdentity.Create("/wan2.6", 1, "p"));

        Assert.Equal("RIFF", Encoding.ASCII.GetString(webp, 0, 4));
        Assert.Equal(webp.Length - 8, BitConverter.ToInt32(webp, 4));
        Assert.Equal("WEBP", Encoding.ASCII.GetString(webp, 8, 4));
        var chunks = new List<string>();
        for (var offset = 12; offset < webp.Length;)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, offset, 4));
            var size = BitConverter.ToInt32(webp, offset + 4);
            offset += 8 + size + (size & 1);
        }

        Assert.Equal(["VP8X", "ANIM", "ANMF", "ANMF", "ANMF"], chunks);
        Assert.Equal(0x02, webp[20] & 0x02); // animation flag
        Assert.Equal(831, webp[24] | (webp[25] << 8) | (webp[26] << 16));
        Assert.Equal(479, webp[27] | (webp[28] << 8) | (webp[29] << 16));
    }

    [Fact]
    public void Encode_FrameBitstream_IsVp8LWithSize()
    {
        var webp = AnimatedWebPEncoder.Encode(64, 48, 2, 100, MediaIdentity.Create("/wan2.6", 1, "p"));
        var vp8l = Encoding.ASCII.GetString(webp).IndexOf("VP8L", StringComparison.Ordinal);

        Assert.Equal(0x2F, webp[vp8l + 8]);
        var bits = BitConverter.ToUInt32(webp, vp8l + 9);
        Assert.Equal(63u, bits & 0x3FFF);
        Assert.Equal(47u, (bits >> 14) & 0x3FFF);
    }
}
