using Modal.Client.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Results streamed to a file (<see cref="ModalCallOptions.ResultFile"/>) and buffered results read without doubling.</summary>
public sealed class StreamingResultTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modal-stream-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ResultFile_StreamsVideoToFile_AndResultReadsItBack()
    {
        using var modal = new FakeModal();
        var path = Path.Combine(_directory, "clip.webp");

        GeneratedVideo video;
        video = await modal.Client.Video.Wan26Async(new Wan26Request { Prompt = "waves", Width = 64, Height = 64, FrameCount = 5 }, new ModalCallOptions { ResultFile = path });

        Assert.Equal(Path.GetFullPath(path), video.FilePath);
        Assert.Equal(MediaFormat.AnimatedWebP, video.Format);
        Assert.Equal(new FileInfo(path).Length, video.Length);
        Assert.Equal(await File.ReadAllBytesAsync(path), (await video.ReadContentAsync()).ToArray());
        Assert.Throws<InvalidOperationException>(() => video.Content);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task ResultFile_ImageSizeIsReadFromTheFileHead()
    {
        using var modal = new FakeModal();
        var path = Path.Combine(_directory, "fox.png");

        GeneratedImage image;
        image = await modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", Width = 320, Height = 200 }, new ModalCallOptions { ResultFile = path });

        Assert.Equal((320, 200), (image.Width!.Value, image.Height!.Value));
        var copy = Path.Combine(_directory, "copy.png");
        await image.SaveAsync(copy);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task ResultFile_OnFailure_LeavesNothingBehind()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/wan2.6").Inject(FakeFault.HtmlErrorPage);
        var path = Path.Combine(_directory, "clip.webp");

        await Assert.ThrowsAsync<ModalInvalidResponseException>(() => modal.Client.Video.Wan26Async(new Wan26Request { Prompt = "waves" }, new ModalCallOptions { ResultFile = path }));

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task ResultFile_TruncatedBody_WithoutResultUrl_IsResultLostAndLeavesNothing()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/video-faceswap").Inject(FakeFault.TruncatedBody);
        var path = Path.Combine(_directory, "swap.mp4");

        var ex = await Assert.ThrowsAsync<ModalResultLostException>(() => modal.Client.Video.FaceSwapAsync(
            new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = TestMedia.PngMedia() }, new ModalCallOptions { ResultFile = path }));
        Assert.NotNull(ex.CallId);

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Buffered_TruncatedBody_IsResultLostNotATransportError()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/flux").Inject(FakeFault.TruncatedBody);

        var ex = await Assert.ThrowsAsync<ModalResultLostException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(1, modal.Fake.Journal.GpuRunCount("/flux"));
    }
}
