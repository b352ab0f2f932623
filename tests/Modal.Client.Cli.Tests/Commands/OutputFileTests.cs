using Modal.Client.Cli.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Commands;

/// <summary>--out protects paid work: checked before anything is sent, and a result that still cannot be written is kept.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("/proc/nope.png", "--out: the folder '/proc' cannot be written")]
    [InlineData("missing/fox.png", "does not exist; create it, or add --mkdir")]
    public async Task RunAsync_OutCannotBeWritten_ExitsTwoAndSendsNothing(string output, string message)
    {
        await using var fake = FakeModalDeployment.Start();

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", output, "--base-url", fake.BaseUrl.ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was sent.", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(fake.Journal.All);
        Assert.Equal(string.Empty, result.Output);
        Assert.Empty(_cli.Files());
        Assert.False(Directory.Exists(_cli.PathOf("missing")));
    }

    [Fact]
    public async Task RunAsync_MissingFolderWithMkdir_CreatesItAndWritesTheResult()
    {
        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", "renders/today/fox.png", "--mkdir");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf("renders/today/fox.png"))));
        Assert.Equal(_cli.PathOf("renders/today/fox.png"), result.Value("saved"));
    }

    [Fact]
    public async Task RunAsync_WriteFailsAfterTheCall_SavesFallbackInWorkingDirectoryAndSaysWhereWithCost()
    {
        var requested = _cli.PathOf("fox.png");
        _cli.SaveResult = (media, path, ct) => path == requested
            ? throw new IOException("No space left on device")
            : media.SaveAsync(path, ct);

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--seed", "77", "--out", "fox.png");

        Assert.True(result.ExitCode == 3, result.ToString());
        var fallback = Assert.Single(_cli.Files());
        Assert.Matches(@"^modal-result-flux-77-\d{8}-\d{6}\.png$", fallback);
        Assert.True(TestMedia.IsPng(await File.ReadAllBytesAsync(_cli.PathOf(fallback))));
        Assert.Contains($"error: the result could not be written to {requested}: No space left on device", result.ErrorLines);
        Assert.Contains($"  saved instead to: {_cli.PathOf(fallback)}", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("  cost: $", StringComparison.Ordinal));
        Assert.Equal(_cli.PathOf(fallback), result.Value("saved"));
        Assert.Equal("77", result.Value("seed"));
    }

    [Fact]
    public async Task RunAsync_WriteFailsEverywhere_ExitsThreeAndSaysTheResultIsLostWithCallId()
    {
        _cli.SaveResult = (_, _, _) => throw new UnauthorizedAccessException("Access denied");

        var result = await _cli.RunAsync("flux", "--prompt", "a fox", "--out", "fox.png");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(result.ErrorLines, l => l.Contains("it is lost (call id fc-", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("  cost: $", StringComparison.Ordinal));
        Assert.Equal("not saved", result.Value("saved"));
        Assert.Empty(_cli.Files());
    }
}
