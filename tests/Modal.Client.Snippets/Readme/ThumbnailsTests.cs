using Modal.Client.Snippets.Readme;

#region testing-substitute
using Modal.Client;
using Modal.Client.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

public sealed class ThumbnailsTests
{
    private readonly IModalClient modal = Substitute.For<IModalClient>();

    [Fact]
    public async Task RenderAsync_ImageReturned_SavesItUnderItsSeedAndRealExtension()
    {
        modal.ZImage.DanrisiAsync(Arg.Any<ZImageDanrisiRequest>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .Returns(ModalModelFactory.GeneratedImage(FakeMedia.Png(64, 64), ModalEndpoint.ZImageDanrisi, seed: 7));
        var folder = Directory.CreateTempSubdirectory().FullName;

        var path = await new Thumbnails(modal).RenderAsync("a red fox", folder);

        Assert.Equal(Path.Combine(folder, "thumb-7.png"), path);
        Assert.Equal(FakeMedia.Png(64, 64), await File.ReadAllBytesAsync(path));
        await modal.ZImage.Received(1).DanrisiAsync(
            Arg.Is<ZImageDanrisiRequest>(r => r.Prompt == "a red fox"), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RenderAsync_WorkflowFails_PassesTheModalErrorOn()
    {
        modal.ZImage.DanrisiAsync(Arg.Any<ZImageDanrisiRequest>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(ModalModelFactory.ModalApiException(ModalEndpoint.ZImageDanrisi, "Workflow execution failed", statusCode: 500));

        var error = await Assert.ThrowsAsync<ModalApiException>(() => new Thumbnails(modal).RenderAsync("a fox", Path.GetTempPath()));

        Assert.Equal(ModalEndpoint.ZImageDanrisi, error.Endpoint);
        Assert.True(error.GpuWorkMayHaveRun);
    }
}
#endregion
