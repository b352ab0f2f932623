using Modal.Client.Cli.Commands;
using Modal.Client.Cli.Tests.Support;

namespace Modal.Client.Cli.Tests.Commands;

public sealed class CatalogCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Models_Always_ListsThe21EndpointsWithAppsAndRemovedFutureAndUseCases()
    {
        var result = await _cli.RunAsync("models");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(21, ModalCatalog.Callable.Count);
        var rows = result.OutputLines.Where(l => l.StartsWith("│ /", StringComparison.Ordinal)).ToList();
        foreach (var endpoint in ModalCatalog.Callable)
        {
            Assert.Single(rows, r => r.StartsWith($"│ {endpoint.Path} ", StringComparison.Ordinal) && r.Contains(endpoint.App!.Name, StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.StartsWith("│ /z-image-danrisi ", StringComparison.Ordinal) && r.Contains("~6 s", StringComparison.Ordinal)
            && r.Contains("$0.003", StringComparison.Ordinal) && r.Contains("1 of 13", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("│ /wan2.6-r2v ", StringComparison.Ordinal) && r.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("│ /wan2 ", StringComparison.Ordinal) && r.Contains("/wan2.6", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("│ /flux2-klein ", StringComparison.Ordinal) && r.Contains("Waiting", StringComparison.Ordinal));
        Assert.Contains("│ fast-preview ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded fake", result.Output, StringComparison.Ordinal);
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
        Assert.Equal("01:00", result.Value("  one by one"));
        Assert.Equal("00:12 (5 calls at a time per app)", result.Value("  concurrent"));
    }

    [Fact]
    public async Task Recommend_UseCaseWithoutAlternative_SaysNone()
    {
        var result = await _cli.RunAsync("recommend", "video", "--calls", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("none", result.Value("  alternative"));
        Assert.Equal("$0.048 documented", result.Value("  cost"));
    }

    [Fact]
    public void UseCaseNames_All_CoverEveryUseCaseOfTheCatalog()
    {
        Assert.Equal(
            ModalCatalog.UseCases.Select(u => u.UseCase).Order(),
            UseCaseNames.All.Select(u => u.UseCase).Order());
        Assert.Equal("quality-t2i", UseCaseNames.NameOf(ModalUseCase.QualityTextToImage));
    }
}
