using Modal.Client.Cli.Tests.Support;

namespace Modal.Client.Cli.Tests.Commands;

public sealed class SampleMediaCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task SampleMedia_Always_WritesFaceMaskAndClipThatTheMediaEndpointsAccept()
    {
        var result = await _cli.RunAsync("sample-media");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["clip.mp4", "face.png", "mask.png"], _cli.Files());
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("face.png"))));
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("mask.png"))));
        Assert.True(TestMedia.IsMp4(await File.ReadAllBytesAsync(_cli.PathOf("clip.mp4"))));
        Assert.NotEqual(await File.ReadAllBytesAsync(_cli.PathOf("face.png")), await File.ReadAllBytesAsync(_cli.PathOf("mask.png")));
        Assert.Contains("  video-faceswap --source-video clip.mp4 --reference-image face.png", result.OutputLines);

        var swap = await _cli.RunAsync("video-faceswap", "--source-video", "clip.mp4", "--reference-image", "face.png", "--out", "swap.mp4");
        var inpaint = await _cli.RunAsync("qwen-image-inpaint-2511", "--source-image", "face.png", "--mask-image", "mask.png", "--prompt", "a hat", "--out", "hat.png");

        Assert.True(swap.ExitCode == 0, swap.ToString());
        Assert.True(inpaint.ExitCode == 0, inpaint.ToString());
        Assert.Equal("video/mp4", swap.Value("media type"));
    }

    [Fact]
    public async Task SampleMedia_FilesExist_RefusesWithoutForce()
    {
        _cli.WriteFile("face.png", [1, 2, 3]);

        var refused = await _cli.RunAsync("sample-media");
        var forced = await _cli.RunAsync("sample-media", "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists; add --force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("face.png"))));
    }

    [Fact]
    public async Task SampleMedia_Dir_WritesIntoThatFolder()
    {
        var result = await _cli.RunAsync("sample-media", "--dir", "inputs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["clip.mp4", "face.png", "mask.png"], Directory.GetFiles(_cli.PathOf("inputs")).Select(Path.GetFileName).Order());
        Assert.Contains("  seedvr2 --image inputs/face.png", result.OutputLines);
    }
}
