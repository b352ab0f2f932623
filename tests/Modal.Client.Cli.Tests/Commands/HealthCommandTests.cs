using Modal.Client.Cli.Tests.Support;

namespace Modal.Client.Cli.Tests.Commands;

public sealed class HealthCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Health_EmbeddedFake_ListsEveryAppHealthyAndExitsZero()
    {
        var result = await _cli.RunAsync("health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("embedded fake", result.ErrorLines[0], StringComparison.Ordinal);
        foreach (var app in ModalApp.All)
        {
            Assert.Contains(result.OutputLines, l => l.StartsWith($"│ {app.Name} ", StringComparison.Ordinal) && l.Contains("│ yes ", StringComparison.Ordinal));
        }

        Assert.Contains("6 of 6 apps healthy.", result.OutputLines);
    }

    [Fact]
    public async Task Health_NothingListening_ReportsEveryAppUnhealthyAndExitsOne()
    {
        // Port 9 (discard) on loopback: the connection is refused at once.
        var result = await _cli.RunAsync("health", "--base-url", "http://127.0.0.1:9/");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("0 of 6 apps healthy.", result.OutputLines);
    }
}
