using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Tests.Internal.Media;

public sealed class JpegEncoderTests
{
    [Fact]
    public void Encode_AnySize_IsBaselineJpegWithSizeAndComment()
    {
        var jpeg = JpegEncoder.Encode(100, 37, MediaIdentity.Create("/x", 9, "p"), "seed=9");

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, jpeg[..4]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, jpeg[^2..]);
        Assert.Equal((100, 37), Wire.JpegSize(jpeg));
        Assert.Contains("seed=9", System.Text.Encoding.ASCII.GetString(jpeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_DifferentIdentity_DifferentBytes()
    {
        var a = JpegEncoder.Encode(16, 16, MediaIdentity.Create("/x", 1, "p"), "c");
        var b = JpegEncoder.Encode(16, 16, MediaIdentity.Create("/x", 2, "p"), "c");

        Assert.NotEqual(a, b);
    }
}
