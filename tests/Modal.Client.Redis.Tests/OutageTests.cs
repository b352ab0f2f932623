using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Redis.Tests;

/// <summary>When Redis is down: refused before sending by default, or per-process limits with a warning and a metric.</summary>
[Collection(RedisTests.Name)]
public sealed class OutageTests
{
    [Fact]
    public async Task RedisStoppedMidRun_TwoProcesses_LaterCallsAreRefusedBeforeSendingWithTheTypedException()
    {
        await using var server = await RedisServer.StartAsync();
        await using var fake = FakeModalDeployment.Start(new() { DefaultGenerationTime = TimeSpan.FromMilliseconds(150) });
        var fleet = Enumerable.Range(0, 2).Select(_ => FleetProcess.Start(FleetProcess.Arguments(
            ("url", fake.BaseUrl), ("endpoint", "/flux"), ("calls", 40), ("parallel", 2), ("limit", 4),
            ("redis", server.Configuration), ("prefix", RedisFixture.NewPrefix())))).ToList();
        try
        {
            await Task.WhenAll(fleet.Select(p => p.ReadyAsync()));
            fleet.ForEach(p => p.Go());
            for (var i = 0; i < 3000 && fake.Journal.CallCount("/flux") < 6; i++)
            {
                await Task.Delay(10);
            }

            server.Stop();
            await Task.WhenAll(fleet.Select(p => p.DoneAsync()));

            var results = fleet.SelectMany(p => p.Results).ToList();
            var successes = results.Count(r => (string)r["outcome"]! == "success");
            var refused = results.Where(r => (string)r["outcome"]! != "success").ToList();
            Assert.Equal(80, results.Count);
            Assert.InRange(successes, 6, 79);
            Assert.NotEmpty(refused);
            Assert.All(refused, r =>
            {
                Assert.Equal(nameof(ModalSharedLimitsUnavailableException), (string)r["type"]!);
                Assert.Equal("concurrency", (string)r["limit"]!);
                Assert.False((bool)r["gpuWorkMayHaveRun"]!);
                Assert.Contains("could not be reached", (string)r["text"]!, StringComparison.Ordinal);
                Assert.DoesNotContain("StackExchange.Redis.Redis", FirstLine((string)r["text"]!), StringComparison.Ordinal);
            });
            Assert.Equal(successes, fake.Journal.CallCount("/flux")); // nothing refused was sent
        }
        finally
        {
            fleet.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public async Task RedisDownAtStart_WithBudget_CallIsRefusedBeforeSendingAndTheLedgerSaysWhy()
    {
        await using var server = await RedisServer.StartAsync();
        var configuration = server.Configuration + ",connectTimeout=1000"; // the first call waits for one connect attempt
        server.Stop();
        await using var fake = FakeModalDeployment.Start();
        await using var modal = new RedisModal(fake, configuration, o => o.Budget.MaxSpendPerWindowUsd = 1m);

        var ex = await Assert.ThrowsAsync<ModalSharedLimitsUnavailableException>(() => modal.Client.Flux.SchnellAsync(RedisModal.Fox()));

        Assert.Equal("budget", ex.Limit);
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.StartsWith($"/flux was not sent: the shared budget and cost ledger is kept in Redis at 127.0.0.1:{server.Port} (key prefix \"modal-client\"), which could not be reached (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ModalRedisOptions.FallBackToProcessLimits", ex.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Journal.All);
        var read = Assert.Throws<ModalSharedLimitsUnavailableException>(() => modal.Ledger.Snapshot());
        Assert.StartsWith("The cost ledger could not be read: ", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisDown_FallBackToProcessLimits_CallsRunWithAWarningAndTheFallbackMetric()
    {
        await using var server = await RedisServer.StartAsync();
        await using var fake = FakeModalDeployment.Start();
        var logs = new FakeLogCollector();
        await using var modal = new RedisModal(fake, server.Configuration, o => o.Budget.MaxSpendPerWindowUsd = 1m, o => o.FallBackToProcessLimits = true, logs);
        var meters = modal.Services.GetRequiredService<IMeterFactory>();
        using var fallbacks = new MetricCollector<long>(meters, "Modal.Client", "modal.client.limits.fallbacks");
        using var queue = new MetricCollector<double>(meters, "Modal.Client", "modal.client.queue.duration");

        await modal.Client.Flux.SchnellAsync(RedisModal.Fox(1));
        server.Stop();
        await modal.Client.Flux.SchnellAsync(RedisModal.Fox(2));
        await modal.Client.Flux.SchnellAsync(RedisModal.Fox(3));

        Assert.Equal(3, fake.Journal.CallCount("/flux"));
        Assert.Equal([true, false, false], queue.GetMeasurementSnapshot().Select(m => (bool)m.Tags["modal.limit.shared"]!));
        Assert.Equal(
            ["budget", "concurrency", "budget", "concurrency"],
            fallbacks.GetMeasurementSnapshot().Select(m => (string)m.Tags["modal.limit"]!));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 40);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith($"Redis at 127.0.0.1:{server.Port} (key prefix modal-client) could not be reached (", warning.Message, StringComparison.Ordinal);
        var local = modal.Ledger.Snapshot();
        Assert.False(local.IsShared);
        Assert.Equal(2, local.Total.Calls);
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
