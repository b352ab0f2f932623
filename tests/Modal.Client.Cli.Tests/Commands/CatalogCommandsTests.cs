using Modal.Client.Cli.Commands;
using Modal.Client.Cli.Tests.Support;

namespace Modal.Client.Cli.Tests.Commands;

public sealed class CatalogCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Models_Always_ListsThe21EndpointsByAppWithRemovedFutureAndUseCases()
    {
        var result = await _cli.RunAsync("models");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(21, ModalCatalog.Callable.Count);
        var lines = result.OutputLines;
        foreach (var endpoint in ModalCatalog.Callable)
        {
            var row = Array.FindIndex(lines, l => l.StartsWith($"  {endpoint.Path} ", StringComparison.Ordinal));
            Assert.True(row > 0, endpoint.Path);
            var appHeading = lines.Take(row).Last(l => !l.StartsWith(' '));
            Assert.Equal(endpoint.App!.Name, appHeading);
        }

        Assert.Matches(@"^  /z-image-danrisi +image +~6 s +\$0\.003 +1/13 +1/18$", Row(lines, "/z-image-danrisi "));
        Assert.Matches(@"^  /wan2\.6-r2v +animated WebP +unknown +unknown +- +-$", Row(lines, "/wan2.6-r2v "));
        Assert.Matches(@"^  /flux-pulid +image +~1 min 23 s ", Row(lines, "/flux-pulid "));
        Assert.StartsWith("  /wan2: use /wan2.6 instead.", Row(lines, "/wan2:"), StringComparison.Ordinal);
        Assert.Contains("(Waiting)", Row(lines, "/flux2-klein:"), StringComparison.Ordinal);
        Assert.StartsWith("  fast-preview: Fast preview: /z-image-danrisi, else /flux.", Row(lines, "fast-preview:"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Models_Always_FitsEightyColumns()
    {
        var result = await _cli.RunAsync("models");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(result.OutputLines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public async Task Recommend_FastPreview_ShowsPrimaryAlternativeAndNote()
    {
        var result = await _cli.RunAsync("recommend", "fast-preview");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Fast preview (fast-preview)", result.OutputLines[0]);
        Assert.StartsWith("/z-image-danrisi (", result.Value("  primary"), StringComparison.Ordinal);
        Assert.StartsWith("/flux (", result.Value("  alternative"), StringComparison.Ordinal);
        Assert.Equal("Minimal cold start", result.Value("  note"));
    }

    [Fact]
    public async Task Recommend_WithCalls_EstimatesBatchFromTheCatalog()
    {
        var result = await _cli.RunAsync("recommend", "fast-preview", "--calls", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("10 call(s) of /z-image-danrisi", result.Value("  batch"));
        Assert.Equal("$0.030 documented", result.Value("  cost"));
        Assert.StartsWith("/z-image-danrisi (", result.Value("  primary"), StringComparison.Ordinal);
        Assert.EndsWith(", ~6 s, $0.003)", result.Value("  primary"), StringComparison.Ordinal);
        Assert.Equal("~1 min 00 s", result.Value("  one by one"));
        Assert.Equal("~12 s (5 calls at a time per app)", result.Value("  concurrent"));
    }

    [Fact]
    public async Task Recommend_UseCaseWithoutAlternative_SaysNone()
    {
        var result = await _cli.RunAsync("recommend", "video", "--calls", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("none", result.Value("  alternative"));
        Assert.Equal("$0.048 documented", result.Value("  cost"));
    }

    private static string Row(string[] lines, string start) => lines.Single(l => l.StartsWith("  " + start, StringComparison.Ordinal));

    [Fact]
    public void UseCaseNames_All_CoverEveryUseCaseOfTheCatalog()
    {
        Assert.Equal(
            ModalCatalog.UseCases.Select(u => u.UseCase).Order(),
            UseCaseNames.All.Select(u => u.UseCase).Order());
        Assert.Equal("quality-t2i", UseCaseNames.NameOf(ModalUseCase.QualityTextToImage));
    }
}
