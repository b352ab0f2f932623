using Modal.Client.Cli.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Commands;

/// <summary>The endpoint subcommands, end to end in-process: against the embedded fake, or a fake the test scripts.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task RunAsync_FluxWithOutAndNoWorkspace_WritesPngFromEmbeddedFakeAndReportsIt()
    {
        var result = await _cli.RunAsync("flux", "--prompt", "a red fox in the snow", "--seed", "1234", "--out", "fox.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("embedded fake Modal deployment", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("MODAL_WORKSPACE", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("saved ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("fox.png"))));
        Assert.Equal(_cli.PathOf("fox.png"), result.Value("saved"));
        Assert.StartsWith("/flux (ryla-flux", result.Value("endpoint"), StringComparison.Ordinal);
        Assert.Equal("1234", result.Value("seed"));
        Assert.StartsWith("image/png; the server labelled it image/jpeg", result.Value("media type"), StringComparison.Ordinal);
        Assert.Matches(@"^[\d,]+ bytes, 1024x1024 px$", result.Value("size"));
        Assert.Matches(@"^\d+\.\d s \(typical ~29 s\)$", result.Value("duration"));
        Assert.Matches(@"^\$\d\.\d{6} \(estimated", result.Value("cost"));
        Assert.Matches("^fc-[0-9A-Z]+$", result.Value("call id"));
        Assert.Matches(@"^session spend: \$\d\.\d{6} over 1 call\(s\)", result.OutputLines[^1]);
        Assert.Equal(9, result.OutputLines.Length);
        Assert.Single(result.ErrorLines);
        Assert.Equal(["fox.png"], _cli.Files());
    }

    [Fact]
    public async Task RunAsync_NoOut_NamesFileAfterEndpointSeedAndRealFormat()
    {
        var result = await _cli.RunAsync("z-image-danrisi", "--prompt", "a fox", "--seed", "42");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["z-image-danrisi-42.png"], _cli.Files());
    }

    [Fact]
    public async Task RunAsync_Wan26_WritesAnimatedWebP()
    {
        var result = await _cli.RunAsync("wan2.6", "--prompt", "waves at night", "--length", "9", "--out", "waves.webp");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(TestMedia.IsWebP(await File.ReadAllBytesAsync(_cli.PathOf("waves.webp"))));
        Assert.Equal("image/webp (animated WebP)", result.Value("media type"));
        Assert.StartsWith("/wan2.6 (ryla-wan26", result.Value("endpoint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VideoFaceSwapWithRelativeInputs_WritesMp4NamedAfterCallId()
    {
        _cli.WriteFile("face.png", TestMedia.Png());
        _cli.WriteFile("in.mp4", TestMedia.Mp4());

        var result = await _cli.RunAsync("video-faceswap", "--source-video", "in.mp4", "--reference-image", "face.png", "--fps", "24");

        Assert.True(result.ExitCode == 0, result.ToString());
        var callId = result.Value("call id");
        var output = $"video-faceswap-{callId}.mp4";
        Assert.Equal(["face.png", "in.mp4", output], _cli.Files());
        Assert.True(TestMedia.IsMp4(await File.ReadAllBytesAsync(_cli.PathOf(output))));
        Assert.Equal("video/mp4", result.Value("media type"));
        Assert.StartsWith("none", result.Value("seed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutExtensionDisagreesWithFormat_KeepsNameAndPrintsNote()
    {
        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", "fox.jpg");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("fox.jpg"))));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("note: the result is image/png", StringComparison.Ordinal) && l.Contains("'.png'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WorkflowFailure_ExitsOneWithClassifiedMessageCallIdAndNoFile()
    {
        await using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure);

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", "fox.png", "--base-url", fake.BaseUrl.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Calling the Modal apps at " + fake.BaseUrl, result.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("error: ", result.ErrorLines[1], StringComparison.Ordinal);
        Assert.Contains("ModalApiException", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("  server:    ", StringComparison.Ordinal) && l.Length > "  server:    ".Length);
        Assert.Contains("endpoint:  /flux", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"call id:\s+fc-[0-9A-Z]+", result.Error);
        Assert.Contains("GPU work may have run: yes", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", result.Error, StringComparison.Ordinal);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("session spend: $", StringComparison.Ordinal) && l.Contains("over 1 call(s)", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Output);
        Assert.Empty(_cli.Files());
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task RunAsync_PlatformRejectionFromBaseUrlVariable_ExitsOneAndSaysNoGpuWorkRan()
    {
        await using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/z-image-danrisi").Inject(FakeFault.AppStopped);
        _cli.Environment["MODAL_BASE_URL"] = fake.BaseUrl.ToString();

        var result = await _cli.RunAsync("z-image-danrisi", "--prompt", "a fox");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Calling the Modal apps at " + fake.BaseUrl, result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("ModalPlatformException", result.Error, StringComparison.Ordinal);
        Assert.Contains("GPU work may have run: no", result.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.Files());
        Assert.Equal(0, fake.Journal.GpuRunCount("/z-image-danrisi"));
    }

    [Fact]
    public async Task RunAsync_ModalWorkspaceVariable_TargetsTheWorkspaceNotTheFake()
    {
        _cli.Environment["MODAL_WORKSPACE"] = "ryla";

        // --width -1 is refused by the SDK before anything is sent, so no request leaves the machine.
        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--width", "-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Calling the Modal apps of workspace 'ryla' (--workspace or MODAL_WORKSPACE).", result.ErrorLines[0]);
        Assert.DoesNotContain("embedded fake", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CallPastSyncLimit_PrintsOneProgressLinePerStageAndReportsPolls()
    {
        await using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = TimeSpan.FromMilliseconds(100) });
        fake.Endpoint("/flux").GenerationTime = TimeSpan.FromMilliseconds(300);

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", "fox.png", "--base-url", fake.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var progress = result.ErrorLines.Where(l => l.StartsWith("  [", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("  [", StringComparison.Ordinal));
        Assert.Contains(progress, l => l.Contains("/flux long call: Modal answered 303, polling the result URL", StringComparison.Ordinal));
        Assert.EndsWith("] /flux completed", progress[^1], StringComparison.Ordinal);
        Assert.Matches(@"\d+ result-URL poll\(s\) after 303", result.Value("duration"));
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("fox.png"))));
    }
}
