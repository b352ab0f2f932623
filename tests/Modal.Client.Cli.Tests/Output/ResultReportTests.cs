using Modal.Client.Cli.Output;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Output;

public sealed class ResultReportTests
{
    [Fact]
    public void SizeNote_FileSmallerThanAsked_SaysTheServerFloorsSizes()
    {
        var image = ModalModelFactory.GeneratedImage(FakeMedia.Png(296, 200), ModalEndpoint.FluxDev);

        Assert.Equal(
            " (asked for 300x200: the server floors sizes to multiples of 8 or follows its source)",
            ResultReport.SizeNote(image, 300, 200));
    }

    [Fact]
    public void SizeNote_SizeAsAsked_OrNothingAsked_IsEmpty()
    {
        var image = ModalModelFactory.GeneratedImage(FakeMedia.Png(296, 200), ModalEndpoint.FluxDev);

        Assert.Equal(string.Empty, ResultReport.SizeNote(image, 296, 200));
        Assert.Equal(string.Empty, ResultReport.SizeNote(image, null, null));
    }

    [Fact]
    public void Write_Video_PrintsFramesAndSize()
    {
        var video = ModalModelFactory.GeneratedVideo(FakeMedia.AnimatedWebP(64, 48, frames: 5), ModalEndpoint.Wan26, seed: 9);
        using var output = new StringWriter();

        ResultReport.Write(output, video, ModalEndpoint.Wan26, "clip.webp", 64, 48);

        Assert.Contains("64x48 px, 5 frames", output.ToString(), StringComparison.Ordinal);
    }
}
