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
    public async Task FromFileAsync_ReadsFormatAndLength_WithoutHoldingTheBytes()
    {
        var path = Path.GetTempFileName();
        var jpeg = TestMedia.Jpeg();
        await File.WriteAllBytesAsync(path, jpeg);

        var media = await ModalMedia.FromFileAsync(path);

        Assert.Equal(MediaFormat.Jpeg, media.Format);
        Assert.Equal(jpeg.Length, media.Length);
        Assert.False(media.IsInMemory);
        Assert.Equal($"image/jpeg, {jpeg.Length} bytes, read from the file '{Path.GetFileName(path)}' when sent", media.ToString());
        File.Delete(path);
    }

    [Fact]
    public async Task FromFileAsync_Content_ThrowsNamingTheAlternative()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, TestMedia.Png());
        var media = await ModalMedia.FromFileAsync(path);

        var ex = Assert.Throws<InvalidOperationException>(() => media.Content);

        Assert.Contains($"the file '{Path.GetFileName(path)}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ModalMedia.FromBytes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(media.ToDataUrl);
        File.Delete(path);
    }

    [Fact]
    public async Task FromFileAsync_EmptyFile_IsRejectedNamingTheFile()
    {
        var path = Path.GetTempFileName();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ModalMedia.FromFileAsync(path));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains($"(file '{Path.GetFileName(path)}') is empty", ex.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public void FromBytes_IsInMemory_WithItsLength()
    {
        var png = TestMedia.Png();

        var media = ModalMedia.FromBytes(png);

        Assert.True(media.IsInMemory);
        Assert.Equal(png.Length, media.Length);
        Assert.Equal(png, media.Content.ToArray());
    }

    [Fact]
    public async Task FromStreamAsync_Seekable_IsNotCopied_AndStartsAtThePosition()
    {
        var png = TestMedia.Png();
        using var stream = new MemoryStream([.. new byte[10], .. png]);
        stream.Position = 10;

        var media = await ModalMedia.FromStreamAsync(stream);

        Assert.False(media.IsInMemory);
        Assert.Equal(MediaFormat.Png, media.Format);
        Assert.Equal(png.Length, media.Length);
        Assert.Equal(10, stream.Position);
        Assert.Throws<InvalidOperationException>(() => media.Content);
    }

    [Fact]
    public async Task FromStreamAsync_NotSeekable_IsReadIntoMemory()
    {
        var mp4 = TestMedia.Mp4();
        using var stream = new ForwardOnlyStream(mp4);

        var media = await ModalMedia.FromStreamAsync(stream);

        Assert.True(media.IsInMemory);
        Assert.Equal(MediaFormat.Mp4, media.Format);
        Assert.Equal(mp4, media.Content.ToArray());
    }

    [Fact]
    public async Task FromStreamAsync_SeekableAtItsEnd_IsRejectedAsEmpty()
    {
        using var stream = new MemoryStream(TestMedia.Png());
        stream.Position = stream.Length;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ModalMedia.FromStreamAsync(stream));

        Assert.Equal("stream", ex.ParamName);
        Assert.Contains("is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromStreamAsync_Closed_IsRejected()
    {
        var stream = new MemoryStream(TestMedia.Png());
        await stream.DisposeAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ModalMedia.FromStreamAsync(stream));

        Assert.Equal("stream", ex.ParamName);
    }

    [Theory]
    [InlineData("not a data url")]
    [InlineData("data:image/png,plain")]
    [InlineData("data:image/png;base64,@@@")]
    public void FromDataUrl_Malformed_IsRejected(string url)
        => Assert.Throws<ArgumentException>(() => ModalMedia.FromDataUrl(url));
}
