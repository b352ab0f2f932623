using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Traces, metrics, logs, the cost ledger and the budget guard.</summary>
[Collection(nameof(ActivityListenerTests))]
public sealed class ObservabilityTests
{
    private static FluxSchnellRequest Fox(long seed = 11) => new() { Prompt = "a fox", Seed = seed };

    [Fact]
    public async Task Activity_Success_CarriesEndpointAppFamilySeedCostAndOutcome()
    {
        using var activities = new ActivityCapture();
        using var modal = new FakeModal();

        var image = await modal.Client.Flux.SchnellAsync(Fox());

        var call = Assert.Single(activities.Stopped, a => a.OperationName == "generate /flux");
        Assert.Equal("/flux", call.GetTagItem("modal.endpoint"));
        Assert.Equal("ryla-flux", call.GetTagItem("modal.app"));
        Assert.Equal("Flux", call.GetTagItem("modal.family"));
        Assert.Equal(11L, call.GetTagItem("modal.seed"));
        Assert.Equal("success", call.GetTagItem("modal.outcome"));
        Assert.Equal("estimated", call.GetTagItem("modal.cost_source"));
        Assert.Equal((double)image.Cost.Usd, call.GetTagItem("modal.cost_usd"));
        Assert.Equal(0, call.GetTagItem("modal.result_url_polls"));
        Assert.Equal(image.CallId, call.GetTagItem("modal.call_id"));
        Assert.Equal(ActivityStatusCode.Ok, call.Status);
        Assert.Null(call.GetTagItem("modal.prompt"));
    }

    [Fact]
    public async Task Activity_ReportedCostAndPolls_AreTagged()
    {
        using var activities = new ActivityCapture();
        using var modal = new FakeModal(new FakeModalDeploymentOptions { SyncLimit = TimeSpan.FromMilliseconds(40) });
        modal.Fake.Endpoint("/flux-pulid").GenerationTime = TimeSpan.FromMilliseconds(100);

        var image = await modal.Client.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = ModalMedia.FromBytes(TestMedia.Png(32, 32)), Prompt = "portrait" });

        var call = Assert.Single(activities.Stopped, a => a.OperationName == "generate /flux-pulid");
        Assert.Equal("reported", call.GetTagItem("modal.cost_source"));
        Assert.True(image.ResultUrlPolls >= 1);
        Assert.Equal(image.ResultUrlPolls, call.GetTagItem("modal.result_url_polls"));
    }

    [Fact]
    public async Task Activity_Failure_HasErrorStatusAndType()
    {
        using var activities = new ActivityCapture();
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure);

        await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Flux.SchnellAsync(Fox()));

        var call = Assert.Single(activities.Stopped, a => a.OperationName == "generate /flux");
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("app_error", call.GetTagItem("modal.outcome"));
        Assert.Equal(typeof(ModalApiException).FullName, call.GetTagItem("error.type"));
        Assert.Equal(true, call.GetTagItem("modal.gpu_work_may_have_run"));
    }

    [Fact]
    public async Task Activity_Fallback_IsRecordedAsEvent()
    {
        using var activities = new ActivityCapture();
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/z-image-danrisi").Inject(FakeFault.AppStopped);

        await modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalUseCase.FastPreview, fallback: true);

        var select = Assert.Single(activities.Stopped, a => a.OperationName == "select /z-image-danrisi");
        var fallback = Assert.Single(select.Events);
        Assert.Equal("modal.fallback", fallback.Name);
        Assert.Equal("/flux", fallback.Tags.Single(t => t.Key == "modal.fallback.to").Value);
        Assert.Equal(true, select.GetTagItem("modal.fallback"));
    }

    [Fact]
    public async Task Activity_PromptText_OnlyOnOptIn()
    {
        using var activities = new ActivityCapture();
        using var modal = new FakeModal(configure: o => o.Telemetry.RecordPromptText = true);

        await modal.Client.Flux.SchnellAsync(Fox());

        Assert.Equal("a fox", Assert.Single(activities.Stopped, a => a.OperationName == "generate /flux").GetTagItem("modal.prompt"));
    }

    [Fact]
    public async Task Metrics_AfterScriptedCalls_CountOutcomesCostAndDuration()
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { SyncLimit = TimeSpan.FromMilliseconds(40) });
        var meterFactory = modal.Services.GetRequiredService<IMeterFactory>();
        using var calls = new MetricCollector<long>(meterFactory, "Modal.Client", "modal.client.calls");
        using var cost = new MetricCollector<double>(meterFactory, "Modal.Client", "modal.client.cost");
        using var duration = new MetricCollector<double>(meterFactory, "Modal.Client", "modal.client.call.duration");
        using var polls = new MetricCollector<long>(meterFactory, "Modal.Client", "modal.client.result_url.polls");
        using var active = new MetricCollector<long>(meterFactory, "Modal.Client", "modal.client.calls.active");
        modal.Fake.Endpoint("/flux").Inject(FakeFault.None).Inject(FakeFault.WorkflowFailure);
        modal.Fake.Endpoint("/z-image-danrisi").GenerationTime = TimeSpan.FromMilliseconds(100);

        var first = await modal.Client.Flux.SchnellAsync(Fox());
        await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Flux.SchnellAsync(Fox(12)));
        var slow = await modal.Client.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "a fox" });

        var measured = calls.GetMeasurementSnapshot();
        Assert.Equal(2, measured.Count(m => (string?)m.Tags["modal.outcome"] == "success"));
        Assert.Equal(1, measured.Count(m => (string?)m.Tags["modal.outcome"] == "app_error" && (string?)m.Tags["modal.endpoint"] == "/flux"));
        Assert.Equal(3, duration.GetMeasurementSnapshot().Count);
        Assert.Equal(3, cost.GetMeasurementSnapshot().Count);
        Assert.All(cost.GetMeasurementSnapshot(), m => Assert.Equal("estimated", m.Tags["modal.cost.source"]));
        Assert.Equal(slow.ResultUrlPolls, polls.GetMeasurementSnapshot().Where(m => (string?)m.Tags["modal.endpoint"] == "/z-image-danrisi").Sum(m => m.Value));
        Assert.Equal(0, active.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Contains(cost.GetMeasurementSnapshot(), m => (string?)m.Tags["modal.endpoint"] == "/flux" && m.Value == (double)first.Cost.Usd);
    }

    [Fact]
    public async Task Logs_OneInformationLinePerCall_WithoutSecretsOrDataUrls()
    {
        var logs = new FakeLogCollector();
        using var modal = new FakeModal(
            new FakeModalDeploymentOptions { ProxyAuthKey = "wk-key", ProxyAuthSecret = "ws-very-secret" },
            o => o.ProxyAuth = new ModalProxyAuth { TokenId = "wk-key", TokenSecret = "ws-very-secret" },
            s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
        var face = ModalMedia.FromBytes(TestMedia.Png(32, 32));

        await modal.Client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = face, Prompt = "portrait", Seed = 3 });

        var completed = Assert.Single(logs.GetSnapshot(), l => l.Id.Id == 1 && l.Category == "Modal.Client.Internal.ModalCallRunner");
        Assert.Equal(LogLevel.Information, completed.Level);
        Assert.Contains("/sdxl-instantid", completed.Message, StringComparison.Ordinal);
        Assert.Contains("seed 3", completed.Message, StringComparison.Ordinal);
        Assert.Contains("call id fc-", completed.Message, StringComparison.Ordinal);
        var everything = string.Join("\n", logs.GetSnapshot().Select(l => l.Message + " " + string.Join(" ", l.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.DoesNotContain("ws-very-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_SumsByEndpointAndFamily_AndResets()
    {
        using var modal = new FakeModal();
        var ledger = modal.Services.GetRequiredService<ModalCostLedger>();

        var a = await modal.Client.Flux.SchnellAsync(Fox());
        var b = await modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox" });
        var c = await modal.Client.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = ModalMedia.FromBytes(TestMedia.Png(32, 32)), Prompt = "p" });
        var spend = ledger.Snapshot();

        Assert.Equal(3, spend.Total.Calls);
        Assert.Equal(c.Cost.Usd, spend.Total.ReportedUsd);
        Assert.Equal(a.Cost.Usd + b.Cost.Usd, spend.Total.EstimatedUsd);
        Assert.Equal(2, spend.ByFamily[ModalFamily.Flux].Calls);
        Assert.Equal(c.Cost.Usd, spend.ByEndpoint["/flux-pulid"].ReportedUsd);
        Assert.Equal(0, spend.InFlightEstimateUsd);

        ledger.Reset();
        Assert.Equal(0, ledger.Snapshot().Total.Calls);
    }

    [Fact]
    public async Task Ledger_RecordsFailuresThatMayHaveRun_NotRejections()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure).Inject(FakeFault.InvalidFunctionCall);
        var ledger = modal.Services.GetRequiredService<ModalCostLedger>();

        await Assert.ThrowsAsync<ModalApiException>(() => modal.Client.Flux.SchnellAsync(Fox()));
        await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(Fox()));

        Assert.Equal(1, ledger.Snapshot().Total.Calls);
    }

    [Fact]
    public async Task Budget_PerCall_RefusesBeforeSending()
    {
        using var modal = new FakeModal(configure: o => o.Budget.MaxCostPerCallUsd = 0.05m);

        var ex = await Assert.ThrowsAsync<ModalBudgetExceededException>(() => modal.Client.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = ModalMedia.FromBytes(TestMedia.Png(8, 8)) }));

        Assert.Equal(0.113m, ex.EstimateUsd);
        Assert.Equal(0.05m, ex.LimitUsd);
        Assert.Contains("$0.113", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$0.050", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.Empty(modal.Fake.Journal.All);
    }

    [Fact]
    public async Task Budget_UnbenchmarkedEndpoint_IsEstimatedAtItsWholeBudget()
    {
        using var modal = new FakeModal(configure: o => o.Budget.MaxCostPerCallUsd = 0.10m);

        var ex = await Assert.ThrowsAsync<ModalBudgetExceededException>(() => modal.Client.Video.Wan26R2VAsync(
            new Wan26R2VRequest { ReferenceVideos = [ModalMedia.FromBytes(TestMedia.Mp4())], Prompt = "p" }));

        Assert.Equal(Math.Round(600m * ModalCatalog.GpuPriceUsdPerSecond, 6), ex.EstimateUsd);
    }

    [Fact]
    public async Task Budget_RollingWindow_RefusesThenRecoversWithTime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var modal = new FakeModal(
            configure: o => { o.Budget.MaxSpendPerWindowUsd = 0.04m; o.Budget.Window = TimeSpan.FromHours(1); },
            configureServices: s => s.AddSingleton<TimeProvider>(time));
        var ledger = modal.Services.GetRequiredService<ModalCostLedger>();
        var store = modal.Services.GetRequiredService<IModalSpendStore>();
        var earlier = await store.ReserveAsync(new ModalSpendRequest(ModalCatalog.GetCallable("/flux"), 0m, null, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), default);
        await store.SettleAsync(earlier, new ModalCost(0.03m, ModalCostSource.Reported), default);

        var ex = await Assert.ThrowsAsync<ModalBudgetExceededException>(() => modal.Client.Flux.SchnellAsync(Fox()));
        Assert.Equal(0.01m, ex.RemainingUsd);

        time.Advance(TimeSpan.FromMinutes(61));
        var image = await modal.Client.Flux.SchnellAsync(Fox());
        Assert.Equal("/flux", image.Endpoint?.Path);
    }

    [Fact]
    public async Task Budget_HundredRacingCalls_NeverOverspendBeyondOneEstimate()
    {
        using var modal = new FakeModal(configure: o => { o.Budget.MaxSpendPerWindowUsd = 0.16m; o.MaxConcurrentCallsPerApp = 100; });
        modal.Fake.Endpoint("/flux").GenerationTime = TimeSpan.FromMilliseconds(20);
        var ledger = modal.Services.GetRequiredService<ModalCostLedger>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            try
            {
                await modal.Client.Flux.SchnellAsync(Fox(i));
                return true;
            }
            catch (ModalBudgetExceededException)
            {
                return false;
            }
        }));

        var admitted = outcomes.Count(o => o);
        Assert.InRange(admitted, 1, 10);   // 0.16 / 0.016 = 10 reservations at most
        Assert.Equal(admitted, modal.Fake.Journal.CallCount("/flux"));
        Assert.True(ledger.Snapshot().Total.TotalUsd <= 0.16m + 0.016m);
    }
}

/// <summary>Activity listeners are process-wide: tests that use them run one at a time.</summary>
[CollectionDefinition(nameof(ActivityListenerTests), DisableParallelization = true)]
public sealed class ActivityListenerTests;
