using Modal.Client.Cli.Tests.Support;

namespace Modal.Client.Cli.Tests;

/// <summary>Parsing, exit codes and messages for bad arguments: exit code 2, a message naming the option, nothing written.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["flux", "--prompt", "a fox", "--bogus"], "--bogus" },
        { ["flux"], "--prompt" },
        { ["flux", "--prompt", "a fox", "--width", "-1"], "--width" },
        { ["flux", "--prompt", "a fox", "--width", "wide"], "--width" },
        { ["flux", "--prompt", "   "], "--prompt" },
        { ["sdxl-instantid", "--prompt", "a face", "--reference-image", "missing.jpg"], "--reference-image" },
        { ["sdxl-instantid", "--prompt", "a face", "--reference-image", "face.png", "--sdxl-checkpoint", "dreamshaper"], "--sdxl-checkpoint" },
        { ["flux-dev-lora", "--prompt", "a fox", "--lora-id", "abc", "--lora-name", "flux-character-abc"], "--lora-id" },
        { ["flux-dev-lora", "--prompt", "a fox"], "--lora-id" },
        { ["z-image-lora", "--prompt", "a fox", "--lora-name", "../secrets"], "--lora-name" },
        { ["qwen-image-2512", "--aspect-ratio", "5:4"], "--aspect-ratio" },
        { ["qwen-image-2512", "--aspect-ratio", "16:9", "--width", "1024"], "--aspect-ratio: QwenImage2512Request.AspectRatio (16:9) and Width are both set" },
        { ["flux-ipadapter-faceid", "--prompt", "a face", "--reference-image", "face.png", "--ipadapter-strength", "1.5"], "--ipadapter-strength" },
        { ["flux-ipadapter-faceid", "--prompt", "a face", "--reference-image", "face.png", "--guidance-scale", "31"], "--guidance-scale" },
        { ["z-image-simple", "--prompt", "a fox", "--width", "255"], "ZImageSampler" },
        { ["seedvr2", "--image", "face.png", "--seed", "4294967296"], "--seed" },
        { ["sdxl-instantid", "--prompt", "a face", "--reference-image", "face.png", "--sampler-name", "euler a"], "--sampler-name" },
        { ["wan2.6-r2v", "--prompt", "waves", "--reference-videos", "face.png"], "--reference-videos" },
        { ["flux", "--prompt", "a fox", "--workspace", "ryla", "--base-url", "http://127.0.0.1:9/"], "--workspace" },
        { ["flux", "--prompt", "a fox", "--base-url", "not a url"], "--base-url" },
        { ["flux", "--prompt", "a fox", "--base-url", "http://127.0.0.1:9/", "--fake-seconds", "3"], "--fake-seconds" },
        { ["flux", "--prompt", "a fox", "--fake-seconds", "-1"], "--fake-seconds" },
        { ["flux", "--prompt", "a fox", "--workspace", "not a workspace"], "Workspace" },
        { ["flux", "--prompt", "a fox", "--out", "."], "--out" },
        { ["recommend", "cheap-stuff"], "cheap-stuff" },
        { ["recommend", "video", "--calls", "0"], "--calls" },
        { ["wan2"], "wan2" },
        { [], "command" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task RunAsync_BadArguments_ExitsTwoWithMessageNamingTheOptionAndWritesNothing(string[] args, string named)
    {
        var face = _cli.WriteFile("face.png", TestMedia.Png());

        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(result.ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal([face], _cli.Files());
    }

    [Theory]
    [InlineData(new[] { "flx", "--prompt", "a fox" }, "error: unknown command 'flx'. Did you mean 'flux'?")]
    [InlineData(new[] { "modles" }, "error: unknown command 'modles'. Did you mean 'models'?")]
    [InlineData(new[] { "flux", "--promt", "a fox" }, "error: unknown option '--promt'. Did you mean '--prompt'?")]
    [InlineData(new[] { "flux", "--prompt", "a fox", "--seeed", "3" }, "error: unknown option '--seeed'. Did you mean '--seed'?")]
    [InlineData(new[] { "flux", "--prompt", "a fox", "--jsno" }, "error: unknown option '--jsno'. Did you mean '--json'?")]
    [InlineData(new[] { "health", "--base-ulr", "http://127.0.0.1:9/" }, "error: unknown option '--base-ulr'. Did you mean '--base-url'?")]
    public async Task RunAsync_Typo_SaysDidYouMeanFirstAndExitsTwo(string[] args, string firstLine)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(firstLine, result.ErrorLines[0]);
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains("'a fox'", StringComparison.Ordinal) || l.Contains("'3'", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("wan2", "error: use /wan2.6 instead (run 'wan2.6 --help'). /wan2 (Wan 2.1) was removed")]
    [InlineData("z-image-pulid", "error: use /flux-pulid instead (run 'flux-pulid --help'). /z-image-pulid")]
    public async Task RunAsync_RemovedEndpoint_AnswersWithItsAlternativeFirstAndAlone(string command, string start)
    {
        var result = await _cli.RunAsync(command, "--prompt", "a fox");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(start, result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(["Run 'models' to see every current endpoint."], result.ErrorLines[1..]);
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryEndpointSubcommandAndExitsZero()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var endpoint in ModalCatalog.Callable)
        {
            Assert.Contains("  " + endpoint.Path.TrimStart('/') + " ", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("  models ", result.Output, StringComparison.Ordinal);
        Assert.Contains("  recommend <use-case> ", result.Output, StringComparison.Ordinal);
        Assert.Contains("  health ", result.Output, StringComparison.Ordinal);
        Assert.Contains("  sample-media ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EndpointHelp_ShowsAnOptionPerRequestField()
    {
        var result = await _cli.RunAsync("flux-pulid", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--reference-image <file> (REQUIRED)", "--prompt <text> (REQUIRED)", "--pulid-weight", "--start-at", "--end-at", "--guidance", "--width", "--height", "--steps", "--seed", "--out", "--mkdir", "--json" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("--negative-prompt", result.Output, StringComparison.Ordinal);
    }
}
