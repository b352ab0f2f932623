using Xunit.Abstractions;
using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Redis.Tests;

/// <summary>
/// The issue's first "done when": three processes, each making 15 /flux calls with MaxConcurrentCallsPerApp = 4,
/// measured at the fake deployment (the GPU runs of ryla-flux in flight at once).
/// </summary>
[Collection(RedisTests.Name)]
public sealed class FleetConcurrencyTests(RedisFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task SharedLimit_ThreeProcessesFifteenCallsEach_NeverMoreThanFourInFlightOnTheApp()
    {
        await using var fake = FakeModalDeployment.Start(new() { DefaultGenerationTime = TimeSpan.FromMilliseconds(300) });
        var prefix = RedisFixture.NewPrefix();

        var fleet = await FleetProcess.RunAsync(3, FleetProcess.Arguments(
            ("url", fake.BaseUrl), ("endpoint", "/flux"), ("calls", 15), ("parallel", 4), ("limit", 4),
            ("redis", redis.Server.Configuration), ("prefix", prefix), ("budget", 10)));

        var results = fleet.SelectMany(p => p.Results).ToList();
        Assert.Equal(45, results.Count(r => (string)r["outcome"]! == "success"));
        Assert.Equal(45, fake.Journal.CallCount("/flux"));
        output.WriteLine($"peak {fake.Journal.PeakGpuRunsInFlightCount("ryla-flux")}, queued {results.Count(r => (bool?)r["queued"] == true)}");
        Assert.InRange(fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"), 1, 4);
        Assert.Equal(0, fake.Journal.GpuRunsInFlightCount("ryla-flux"));

        // The shared budget's ledger saw the whole fleet's calls.
        await using var observer = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = prefix);
        var spend = observer.Ledger.Snapshot();
        Assert.True(spend.IsShared);
        Assert.Equal(45, spend.Total.Calls);
        Assert.Equal(45, spend.ByEndpoint["/flux"].Calls);
        Assert.Equal(45, spend.ByFamily[ModalFamily.Flux].Calls);
        Assert.Equal(results.Sum(r => (decimal)r["costUsd"]!), spend.Total.TotalUsd);
        Assert.Equal(0m, spend.InFlightEstimateUsd);
    }

    [Fact]
    public async Task ProcessLimits_WithoutRedis_ThreeProcessesExceedFourInFlightOnTheApp()
    {
        await using var fake = FakeModalDeployment.Start(new() { DefaultGenerationTime = TimeSpan.FromMilliseconds(300) });

        var fleet = await FleetProcess.RunAsync(3, FleetProcess.Arguments(
            ("url", fake.BaseUrl), ("endpoint", "/flux"), ("calls", 15), ("parallel", 4), ("limit", 4)));

        Assert.Equal(45, fleet.SelectMany(p => p.Results).Count(r => (string)r["outcome"]! == "success"));
        Assert.Equal(45, fake.Journal.CallCount("/flux"));
        output.WriteLine($"peak {fake.Journal.PeakGpuRunsInFlightCount("ryla-flux")}");
        Assert.InRange(fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"), 5, 12);
    }
}
