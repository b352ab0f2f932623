using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

public sealed class ModalMediaTests
{
    [Fact]
    public void FromBytes_SniffsFormatFromBytes()
    {
        Assert.Equal(MediaFormat.Png, ModalMedia.FromBytes(TestMedia.Png()).Format);
        Assert.Equal(MediaFormat.Jpeg, ModalMedia.FromBytes(TestMedia.Jpeg()).Format);
        Assert.Equal(MediaFormat.AnimatedWebP, ModalMedia.FromBytes(TestMedia.AnimatedWebP()).Format);
        Assert.Equal(MediaFormat.Mp4, ModalMedia.FromBytes(TestMedia.Mp4()).Format);
    }

    [Fact]
    public void ToDataUrl_UsesSniffedMimeType()
    {
        var png = TestMedia.Png();

        Assert.Equal(TestMedia.DataUrl("image/png", png), ModalMedia.FromBytes(png).ToDataUrl());
    }

    [Fact]
    public void FromDataUrl_TrustsBytesNotTheLabel()
    {
        var media = ModalMedia.FromDataUrl(TestMedia.DataUrl("image/jpeg", TestMedia.Png()));

        Assert.Equal(MediaFormat.Png, media.Format);
        Assert.Equal("image/png", media.MediaType);
    }

    [Fact]
    public void FromBytes_Empty_IsRejected()
        => Assert.Equal("content", Assert.Throws<ArgumentException>(() => ModalMedia.FromBytes(Array.Empty<byte>())).ParamName);

    [Fact]
    public void FromBytes_NotMedia_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModalMedia.FromBytes("hello world"u8.ToArray()));
        Assert.Contains("not a PNG, JPEG, WebP, GIF, MP4 or WebM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromFileAsync_MissingFile_IsRejectedNamingThePath()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ModalMedia.FromFileAsync("/no/such/face.jpg"));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains("/no/such/face.jpg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromFileAsync_ReadsFile()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, TestMedia.Jpeg());

        var media = await ModalMedia.FromFileAsync(path);

        Assert.Equal(MediaFormat.Jpeg, media.Format);
        File.Delete(path);
    }

    [Theory]
    [InlineData("not a data url")]
    [InlineData("data:image/png,plain")]
    [InlineData("data:image/png;base64,@@@")]
    public void FromDataUrl_Malformed_IsRejected(string url)
        => Assert.Throws<ArgumentException>(() => ModalMedia.FromDataUrl(url));
}
