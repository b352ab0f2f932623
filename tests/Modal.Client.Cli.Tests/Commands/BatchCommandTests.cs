using System.Globalization;
using System.Text.Json;
using Modal.Client.Cli.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Commands;

/// <summary>The batch command against a fake deployment: estimate, dry run, --max-cost, refusals, interruption and resume.</summary>
public sealed class BatchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly FakeModalDeployment _fake;

    public BatchCommandTests()
    {
        _fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { DefaultGenerationTime = TimeSpan.FromMilliseconds(250) });
    }

    public void Dispose()
    {
        _fake.Dispose();
        _cli.Dispose();
    }

    private Task<CliResult> Batch(params string[] args) => _cli.RunAsync(["batch", .. args, "--base-url", _fake.BaseUrl.ToString()]);

    private async Task<CliResult> BatchUntil(Func<bool> stopWhen, params string[] args)
    {
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stopWhen() && !stop.IsCancellationRequested)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["batch", .. args, "--base-url", _fake.BaseUrl.ToString()], output, error, _cli.Environment, _cli.Directory, cancellationToken: stop.Token);
        await stop.CancelAsync();
        await watcher;
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private static string Line(string endpoint, int seed, string extra = "") =>
        $"{{\"endpoint\": \"{endpoint}\", \"prompt\": \"item {seed}\", \"seed\": {seed.ToString(CultureInfo.InvariantCulture)}{extra}}}";

    /// <summary>The last manifest line per input line.</summary>
    private Dictionary<int, JsonElement> Manifest(string folder = "out")
    {
        var path = _cli.PathOf(Path.Combine(folder, "manifest.jsonl"));
        return File.Exists(path)
            ? File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .GroupBy(e => e.GetProperty("line").GetInt32()).ToDictionary(g => g.Key, g => g.Last())
            : [];
    }

    private int ManifestLineCount() =>
        File.Exists(_cli.PathOf("out/manifest.jsonl")) ? File.ReadAllLines(_cli.PathOf("out/manifest.jsonl")).Length : 0;

    /// <summary>The seeds of the generation POSTs the fake received (every input line has its own seed).</summary>
    private List<long> PostedSeeds() =>
        [.. _fake.Journal.All.Where(r => r.Method == "POST" && !r.IsResultPoll).Select(r => r.BodyAsJson()!["seed"]!.GetValue<long>()).Order()];

    [Fact]
    public async Task Batch_InterruptedThenRunTwice_EndsWith12OkAnd1RefusedPostingOnlyWhatWasLeft()
    {
        // 13 lines over four endpoints on four apps; line 7 is invalid (a width that is not a number). Seed = 100 + line.
        string[] endpoints = ["/flux", "/z-image-simple", "/qwen-image-2512-fast", "/wan2.6"];
        var lines = Enumerable.Range(1, 13).Select(n => n == 7
            ? "{\"endpoint\": \"/flux\", \"prompt\": \"bad\", \"width\": \"wide\", \"seed\": 107}"
            : Line(endpoints[n % 4], 100 + n)).ToArray();
        File.WriteAllLines(_cli.PathOf("input.jsonl"), lines);

        var first = await BatchUntil(() => ManifestLineCount() >= 4, "input.jsonl", "--out", "out", "--max-in-flight", "2");

        Assert.Equal(130, first.ExitCode);
        Assert.Contains("To resume, run the same command again", first.Error, StringComparison.Ordinal);
        var okAfterFirst = Manifest().Where(e => e.Value.GetProperty("status").GetString() == "ok").Select(e => e.Key).ToHashSet();
        Assert.InRange(okAfterFirst.Count, 1, 11);
        _fake.Journal.Reset();

        var second = await Batch("input.jsonl", "--out", "out", "--max-in-flight", "2");

        Assert.Equal(1, second.ExitCode);
        var leftAfterFirst = Enumerable.Range(1, 13).Where(n => n != 7 && !okAfterFirst.Contains(n)).Select(n => 100L + n);
        Assert.Equal(leftAfterFirst, PostedSeeds());
        var manifest = Manifest();
        Assert.Equal(13, manifest.Count);
        Assert.Equal("refused", manifest[7].GetProperty("status").GetString());
        Assert.Contains("\"width\"", manifest[7].GetProperty("error").GetString(), StringComparison.Ordinal);
        foreach (var n in Enumerable.Range(1, 13).Where(n => n != 7))
        {
            var entry = manifest[n];
            Assert.Equal("ok", entry.GetProperty("status").GetString());
            Assert.Equal(endpoints[n % 4], entry.GetProperty("endpoint").GetString());
            Assert.Equal(100 + n, entry.GetProperty("seed").GetInt64());
            var bytes = File.ReadAllBytes(_cli.PathOf(Path.Combine("out", entry.GetProperty("file").GetString()!)));
            Assert.True(endpoints[n % 4] == "/wan2.6" ? TestMedia.IsWebP(bytes) : TestMedia.IsPng(bytes), $"line {n}: wrong format");
        }

        _fake.Journal.Reset();

        var third = await Batch("input.jsonl", "--out", "out");

        Assert.Equal(1, third.ExitCode);
        Assert.DoesNotContain(_fake.Journal.All, r => r.Method == "POST");
        Assert.Contains("12 line(s) already done in the output folder are skipped.", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_DryRun_PrintsEstimateValidatesAndSendsNothing()
    {
        File.WriteAllLines(_cli.PathOf("input.jsonl"), [Line("/flux", 1), Line("/flux", 2), Line("/flux-dev", 3, ", \"width\": 13")]);

        var result = await Batch("input.jsonl", "--out", "out", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"│ /flux\s+│\s+2 │ \$0\.032 │", result.Output);
        Assert.Contains("line 3: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("dry run: 1 of 3 line(s) are invalid", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.Journal.All);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public async Task Batch_EstimateOverMaxCost_RefusesToStartWithExit2()
    {
        File.WriteAllLines(_cli.PathOf("input.jsonl"), [Line("/flux", 1), Line("/flux", 2)]);

        var result = await Batch("input.jsonl", "--out", "out", "--max-cost", "0.02");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the estimate $0.032 is over --max-cost $0.020; nothing was sent.", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.Journal.All);
    }

    [Fact]
    public async Task Batch_AllOk_Exit0WithSummaryAndMediaRelativeToInput()
    {
        Directory.CreateDirectory(_cli.PathOf("jobs"));
        File.WriteAllBytes(_cli.PathOf("jobs/face.png"), TestMedia.Png());
        File.WriteAllLines(_cli.PathOf("jobs/input.jsonl"), [Line("/flux", 1), "", "{\"endpoint\": \"/seedvr2\", \"image\": \"face.png\", \"seed\": 3}"]);

        var result = await Batch("jobs/input.jsonl", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([1, 3], Manifest().Keys.Order());
        Assert.Equal("00003-seedvr2.png", Manifest()[3].GetProperty("file").GetString());
        Assert.Matches(@"│ total\s+│\s+2 │\s+0 │\s+0 │", result.Output);
        Assert.Contains("[2/2] line ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_FailedLine_RecordedFailedAndExit1()
    {
        _fake.Endpoint("/flux-dev").Inject(FakeFault.WorkflowFailure);
        File.WriteAllLines(_cli.PathOf("input.jsonl"), [Line("/flux-dev", 1), Line("/flux", 2)]);

        var result = await Batch("input.jsonl", "--out", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("failed", Manifest()[1].GetProperty("status").GetString());
        Assert.Equal("ok", Manifest()[2].GetProperty("status").GetString());
        Assert.Contains("line 1 /flux-dev failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ValuesThatLookLikeOptions_AreSentVerbatimAndUnknownFieldsRefused()
    {
        File.WriteAllLines(_cli.PathOf("input.jsonl"),
        [
            "{\"endpoint\": \"/flux-dev\", \"prompt\": \"--odd @text\", \"negative_prompt\": \"-1\", \"seed\": 5}",
            "{\"endpoint\": \"/flux\", \"prompt\": \"x\", \"colour\": \"red\"}",
        ]);

        var result = await Batch("input.jsonl", "--out", "out");

        Assert.Equal(1, result.ExitCode);
        var body = Assert.Single(_fake.Journal.Calls("/flux-dev")).BodyAsJson()!;
        Assert.Equal("--odd @text", body["prompt"]!.GetValue<string>());
        Assert.Equal("-1", body["negative_prompt"]!.GetValue<string>());
        Assert.StartsWith("/flux has no field \"colour\".", Manifest()[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.jsonl", "does not exist")]
    [InlineData("empty.jsonl", "has no lines")]
    public async Task Batch_BadInput_IsUsageError(string input, string message)
    {
        File.WriteAllText(_cli.PathOf("empty.jsonl"), "\n");

        var result = await Batch(input, "--out", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
