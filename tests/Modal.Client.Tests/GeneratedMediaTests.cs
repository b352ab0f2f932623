using Modal.Client.Internal;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Reading a result back: in memory or from the file it was streamed to, never with synchronous file I/O.</summary>
public sealed class GeneratedMediaTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modal-result-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Content_FileResult_ThrowsPointingToTheAsyncReaders()
    {
        var (video, path) = FileResult(TestMedia.Mp4());

        var ex = Assert.Throws<InvalidOperationException>(() => video.Content);

        Assert.Contains($"streamed to the file '{path}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReadContentAsync()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadContentAsync_FileResult_ReadsTheFile()
    {
        var bytes = TestMedia.Mp4();
        var (video, _) = FileResult(bytes);

        var content = await video.ReadContentAsync();

        Assert.Equal(bytes, content.ToArray());
    }

    [Fact]
    public async Task ReadContentAsync_InMemoryResult_IsTheContent()
    {
        var png = TestMedia.Png();
        var image = new GeneratedImage(Details(png, png));

        var content = await image.ReadContentAsync();

        Assert.Equal(png, content.ToArray());
        Assert.Equal(png, image.Content.ToArray());
    }

    [Fact]
    public async Task OpenRead_FileResult_IsAnAsyncStreamOverTheFile()
    {
        var bytes = TestMedia.Mp4();
        var (video, _) = FileResult(bytes);

        await using var stream = video.OpenRead();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.True(Assert.IsType<FileStream>(stream).IsAsync);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_FileResult_CopiesTheFile()
    {
        var bytes = TestMedia.Mp4();
        var (video, _) = FileResult(bytes);
        var copy = Path.Combine(_directory, "sub", "copy.mp4");

        await video.SaveAsync(copy);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task SaveAsync_OntoItsOwnFile_LeavesItWhole()
    {
        var bytes = TestMedia.Mp4();
        var (video, path) = FileResult(bytes);

        await video.SaveAsync(path);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task SaveAsyncToStream_InMemoryResult_WritesTheBytes()
    {
        var png = TestMedia.Png();
        var image = new GeneratedImage(Details(png, png));
        using var destination = new MemoryStream();

        await image.SaveAsync(destination);

        Assert.Equal(png, destination.ToArray());
    }

    private (GeneratedVideo Video, string Path) FileResult(byte[] bytes)
    {
        var path = Path.Combine(_directory, "clip.mp4");
        File.WriteAllBytes(path, bytes);
        return (new GeneratedVideo(Details(bytes.AsMemory(0, Math.Min(bytes.Length, ResponseBody.HeadLength)), bytes, path)), path);
    }

    private static GenerationDetails Details(ReadOnlyMemory<byte> head, byte[] whole, string? path = null) => new(
        ModalCatalog.GetCallable("/video-faceswap"),
        head,
        MediaSniffer.Sniff(whole),
        "video/mp4",
        Seed: null,
        Duration: TimeSpan.FromSeconds(1),
        Cost: new ModalCost(0.001m, ModalCostSource.Estimated),
        CallId: null,
        FilePath: path,
        Length: path is null ? -1 : whole.Length);
}
