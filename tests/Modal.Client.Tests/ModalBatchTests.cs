using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>ModalBatch: mixed endpoints, refusals, failures, the manifest, resume, the per-app limit and progress.</summary>
public sealed class ModalBatchTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modal-batch-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ModalBatch Batch(FakeModal modal) => modal.Services.GetRequiredService<ModalBatch>();

    private static async Task<List<ModalBatchResult>> RunAll(ModalBatch batch, IEnumerable<ModalBatchItem> items, ModalBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ModalBatchResult>();
        await foreach (var result in batch.RunAsync(items, options, cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    private List<JsonElement> Manifest() =>
        [.. File.ReadAllLines(Path.Combine(_folder, "manifest.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static ModalBatchItem[] Mixed() =>
    [
        new(new FluxSchnellRequest { Prompt = "a", Seed = 11 }),
        new(new ZImageSimpleRequest { Prompt = "b", Seed = 12 }),
        new(new QwenImage2512FastRequest { Prompt = "c", Seed = 13 }),
        new(new Wan26Request { Prompt = "d", Seed = 14 }),
    ];

    [Fact]
    public async Task RunAsync_MixedEndpoints_EachOkWithRealFormatFileAndSeed()
    {
        using var modal = new FakeModal();

        var results = await RunAll(Batch(modal), Mixed(), new ModalBatchOptions { OutputFolder = _folder });

        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Line).Order());
        Assert.All(results, r => Assert.Equal(ModalBatchStatus.Ok, r.Status));
        var byLine = results.ToDictionary(r => r.Line);
        Assert.Equal(["/flux", "/z-image-simple", "/qwen-image-2512-fast", "/wan2.6"], Enumerable.Range(1, 4).Select(l => byLine[l].Endpoint!.Path));
        Assert.Equal([11L, 12L, 13L, 14L], Enumerable.Range(1, 4).Select(l => byLine[l].Seed!.Value));
        Assert.Equal(Path.Combine(_folder, "00001-flux.png"), byLine[1].FilePath);
        Assert.Equal(Path.Combine(_folder, "00004-wan2.6.webp"), byLine[4].FilePath);
        Assert.Equal(MediaFormat.Png, byLine[1].Media!.Format);
        Assert.Equal(MediaFormat.AnimatedWebP, byLine[4].Media!.Format);
        Assert.Equal("RIFF"u8.ToArray(), File.ReadAllBytes(byLine[4].FilePath!)[..4]);
        Assert.Equal(1, modal.Fake.Journal.CallCount("/wan2.6"));
    }

    [Fact]
    public async Task RunAsync_OutputFolder_ManifestLineHasEveryFieldInOrder()
    {
        using var modal = new FakeModal();

        await RunAll(Batch(modal), [new(new FluxDevRequest { Prompt = "a", Seed = 5 })], new ModalBatchOptions { OutputFolder = _folder });

        var line = Assert.Single(Manifest());
        Assert.Equal(
            ["line", "endpoint", "status", "file", "seed", "call_id", "cost_usd", "duration_s", "error", "gpu_work_may_have_run"],
            line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.Equal("/flux-dev", line.GetProperty("endpoint").GetString());
        Assert.Equal("ok", line.GetProperty("status").GetString());
        Assert.Equal("00001-flux-dev.png", line.GetProperty("file").GetString());
        Assert.Equal(5, line.GetProperty("seed").GetInt64());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("cost_usd").ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("error").ValueKind);
        Assert.False(line.GetProperty("gpu_work_may_have_run").GetBoolean());
        Assert.Equal(["00001-flux-dev.png", "manifest.jsonl"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task RunAsync_InvalidRequest_IsRefusedWithoutPostAndOthersRun()
    {
        using var modal = new FakeModal();
        ModalBatchItem[] items =
        [
            new(new FluxSchnellRequest { Prompt = "a", Width = 13 }),
            new(new FluxSchnellRequest { Prompt = "b", Seed = 2 }),
            ModalBatchItem.Refused(new ArgumentException("Line 3 is not JSON."), ModalEndpoint.FluxSchnell),
        ];

        var results = (await RunAll(Batch(modal), items, new ModalBatchOptions { OutputFolder = _folder })).ToDictionary(r => r.Line);

        Assert.Equal(ModalBatchStatus.Refused, results[1].Status);
        Assert.IsAssignableFrom<ArgumentException>(results[1].Error);
        Assert.Equal(ModalBatchStatus.Ok, results[2].Status);
        Assert.Equal(ModalBatchStatus.Refused, results[3].Status);
        Assert.Equal("Line 3 is not JSON.", results[3].Error!.Message);
        Assert.Equal(1, modal.Fake.Journal.CallCount("/flux"));
        var refused = Manifest().Single(l => l.GetProperty("line").GetInt32() == 1);
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("file").ValueKind);
        Assert.Contains("Width", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FailedCall_IsRecordedFailedAndBatchGoesOn()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/flux-dev").Inject(FakeFault.WorkflowFailure);

        var results = (await RunAll(Batch(modal), [new(new FluxDevRequest { Prompt = "a", Seed = 7 }), new(new FluxSchnellRequest { Prompt = "b" })],
            new ModalBatchOptions { OutputFolder = _folder })).ToDictionary(r => r.Line);

        Assert.Equal(ModalBatchStatus.Failed, results[1].Status);
        Assert.IsAssignableFrom<ModalException>(results[1].Error);
        Assert.Equal(ModalBatchStatus.Ok, results[2].Status);
        var failed = Manifest().Single(l => l.GetProperty("line").GetInt32() == 1);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(7, failed.GetProperty("seed").GetInt64());
        Assert.Equal(((ModalException)results[1].Error!).GpuWorkMayHaveRun, failed.GetProperty("gpu_work_may_have_run").GetBoolean());
        Assert.False(File.Exists(Path.Combine(_folder, "00001-flux-dev.png")));
    }

    [Fact]
    public async Task RunAsync_OverBudget_IsRefusedWithBudgetException()
    {
        using var modal = new FakeModal(configure: o => o.Budget.MaxCostPerCallUsd = 0.0001m);

        var result = Assert.Single(await RunAll(Batch(modal), [new(new FluxSchnellRequest { Prompt = "a" })]));

        Assert.Equal(ModalBatchStatus.Refused, result.Status);
        Assert.IsType<ModalBudgetExceededException>(result.Error);
        Assert.Equal(0, modal.Fake.Journal.CallCount("/flux"));
    }

    [Fact]
    public async Task RunAsync_SameFolderAgain_SkipsOkLinesAndRetriesTheRest()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/qwen-image-2512-fast").Inject(FakeFault.WorkflowFailure);
        await RunAll(Batch(modal), Mixed(), new ModalBatchOptions { OutputFolder = _folder });
        modal.Fake.Journal.Reset();

        var again = (await RunAll(Batch(modal), Mixed(), new ModalBatchOptions { OutputFolder = _folder })).ToDictionary(r => r.Line);

        Assert.True(again[1].FromEarlierRun);
        Assert.Equal(11, again[1].Seed);
        Assert.False(again[3].FromEarlierRun);
        Assert.Equal(ModalBatchStatus.Ok, again[3].Status);
        Assert.Equal(1, modal.Fake.Journal.All.Count(r => !r.IsResultPoll));
        Assert.Equal(1, modal.Fake.Journal.CallCount("/qwen-image-2512-fast"));
        Assert.Equal(5, Manifest().Count);
    }

    [Fact]
    public async Task RunAsync_OkLineWhoseFileIsGone_RunsAgain()
    {
        using var modal = new FakeModal();
        await RunAll(Batch(modal), Mixed(), new ModalBatchOptions { OutputFolder = _folder });
        File.Delete(Path.Combine(_folder, "00002-z-image-simple.png"));
        modal.Fake.Journal.Reset();

        await RunAll(Batch(modal), Mixed(), new ModalBatchOptions { OutputFolder = _folder });

        Assert.Equal(1, modal.Fake.Journal.All.Count(r => !r.IsResultPoll));
        Assert.Equal(1, modal.Fake.Journal.CallCount("/z-image-simple"));
        Assert.True(File.Exists(Path.Combine(_folder, "00002-z-image-simple.png")));
    }

    [Fact]
    public async Task RunAsync_TornLastManifestLine_IsIgnoredAndNextLineStartsOnItsOwnLine()
    {
        using var modal = new FakeModal();
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "manifest.jsonl"), "{\"line\":1,\"endpoint\":\"/flux\",\"sta");

        var result = Assert.Single(await RunAll(Batch(modal), [new(new FluxSchnellRequest { Prompt = "a" })], new ModalBatchOptions { OutputFolder = _folder }));

        Assert.Equal(ModalBatchStatus.Ok, result.Status);
        Assert.False(result.FromEarlierRun);
        var lines = File.ReadAllLines(Path.Combine(_folder, "manifest.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.Equal("ok", JsonDocument.Parse(lines[1]).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunAsync_Cancelled_FinishesInFlightRecordsThemAndStartsNoMore()
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { DefaultGenerationTime = TimeSpan.FromMilliseconds(300) }, o => o.MaxConcurrentCallsPerApp = 2);
        var items = Enumerable.Range(1, 8).Select(i => new ModalBatchItem(new FluxSchnellRequest { Prompt = "p", Seed = i })).ToList();
        using var stop = new CancellationTokenSource();
        var results = new List<ModalBatchResult>();

        await foreach (var result in Batch(modal).RunAsync(items, new ModalBatchOptions { OutputFolder = _folder }, stop.Token))
        {
            results.Add(result);
            if (results.Count == 1)
            {
                await stop.CancelAsync();
            }
        }

        // Two were in flight (the app's limit) when the stop came: both finished and were recorded; no other was sent.
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(ModalBatchStatus.Ok, r.Status));
        Assert.Equal(2, modal.Fake.Journal.CallCount("/flux"));
        Assert.Equal(2, Manifest().Count);
    }

    [Fact]
    public async Task RunAsync_OneApp_NeverMoreInFlightThanItsLimit()
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { DefaultGenerationTime = TimeSpan.FromMilliseconds(50) }, o => o.MaxConcurrentCallsPerApp = 2);
        var reports = new List<ModalBatchProgress>();
        var progress = new SynchronousProgress(reports);
        var items = Enumerable.Range(1, 6).Select(i => new ModalBatchItem(new FluxDevRequest { Prompt = "p", Seed = i }));

        await RunAll(Batch(modal), items, new ModalBatchOptions { Progress = progress });

        Assert.Equal(2, reports.Max(r => r.Overall.InFlight));
        var last = reports[^1];
        Assert.Equal(new ModalBatchCounts { Ok = 6 }, last.Overall);
        Assert.Equal(6, last.ByEndpoint[ModalEndpoint.FluxDev].Ok);
        Assert.Null(last.EstimatedRemainingTime);
        Assert.True(last.SpentUsd > 0);
    }

    [Fact]
    public async Task RunAsync_Progress_EstimatesRemainingCostFromCatalog()
    {
        using var modal = new FakeModal(configure: o => o.MaxConcurrentCallsPerApp = 1);
        var reports = new List<ModalBatchProgress>();

        await RunAll(Batch(modal), [new(new FluxDevRequest { Prompt = "a" }), new(new FluxDevRequest { Prompt = "b" })], new ModalBatchOptions { Progress = new SynchronousProgress(reports) });

        var first = reports[0];
        Assert.Equal(2 * ModalEndpoint.FluxDev.DocumentedCostUsd, first.EstimatedRemainingCostUsd);
        Assert.Equal(2 * ModalEndpoint.FluxDev.TypicalDuration, first.EstimatedRemainingTime);
    }

    [Fact]
    public void ModalBatchItem_NotARequest_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ModalBatchItem("prompt"));

        Assert.Contains("not String", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RepeatedLine_IsRefused()
    {
        using var modal = new FakeModal();
        ModalBatchItem[] items = [new(new FluxSchnellRequest { Prompt = "a" }) { Line = 4 }, new(new FluxSchnellRequest { Prompt = "b" }) { Line = 4 }];

        var results = await RunAll(Batch(modal), items);

        Assert.Equal([ModalBatchStatus.Ok, ModalBatchStatus.Refused], results.Select(r => r.Status).Order());
        Assert.Equal(1, modal.Fake.Journal.CallCount("/flux"));
    }

    [Fact]
    public async Task RunAsync_MaxInFlightZero_ThrowsArgumentExceptionNamingTheOption()
    {
        using var modal = new FakeModal();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => RunAll(Batch(modal), [new(new FluxSchnellRequest { Prompt = "a" })], new ModalBatchOptions { MaxInFlight = 0 }));

        Assert.Equal("options.MaxInFlight", ex.ParamName);
        Assert.Empty(modal.Fake.Journal.All);
    }

    private sealed class SynchronousProgress(List<ModalBatchProgress> reports) : IProgress<ModalBatchProgress>
    {
        public void Report(ModalBatchProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
