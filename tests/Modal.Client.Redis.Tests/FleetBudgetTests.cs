using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;
using Xunit.Abstractions;

namespace Modal.Client.Redis.Tests;

/// <summary>
/// The second "done when": with a shared MaxSpendPerWindowUsd, the fleet's successful calls stay within the
/// budget plus one estimate per process, and the rest are refused before sending.
/// </summary>
/// <remarks>
/// The calls are /wan2.6-r2v, the one endpoint estimated from its time budget (set here to 2.5 s, so $0.001355 against
/// about $0.0005 for a 0.8 s fake run). /flux's catalog estimate ($0.016 for 29 s) is 40 times what a fast fake run
/// costs, so a /flux fleet could never spend enough to tell a shared budget from three separate ones; here it can:
/// three per-process budgets of $0.005 would let the fleet spend about $0.012, above the bound of $0.009065.
/// </remarks>
[Collection(RedisTests.Name)]
public sealed class FleetBudgetTests(RedisFixture redis, ITestOutputHelper output)
{
    private const decimal Budget = 0.005m;

    [Fact]
    public async Task SharedBudget_ThreeProcesses_SuccessesStayWithinBudgetPlusOneEstimateEachAndTheRestAreRefusedBeforeSending()
    {
        await using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/wan2.6-r2v").GenerationTime = TimeSpan.FromMilliseconds(800);
        var prefix = RedisFixture.NewPrefix();
        var estimate = Math.Round(2.5m * ModalCatalog.GpuPriceUsdPerSecond, 6);

        var fleet = await FleetProcess.RunAsync(3, FleetProcess.Arguments(
            ("url", fake.BaseUrl), ("endpoint", "/wan2.6-r2v"), ("calls", 15), ("parallel", 1), ("limit", 4),
            ("timeout-ms", 2500), ("budget", Budget), ("refused-pause-ms", 100),
            ("redis", redis.Server.Configuration), ("prefix", prefix)));

        var results = fleet.SelectMany(p => p.Results).ToList();
        var successes = results.Where(r => (string)r["outcome"]! == "success").ToList();
        var refused = results.Where(r => (string)r["outcome"]! != "success").ToList();
        var spent = successes.Sum(r => (decimal)r["costUsd"]!);
        output.WriteLine($"{successes.Count} successes, ${spent}; {refused.Count} refused");

        Assert.Equal(45, results.Count);
        Assert.InRange(spent, 0.000001m, Budget + (3 * estimate));
        Assert.All(refused, r =>
        {
            Assert.Equal(nameof(ModalBudgetExceededException), (string)r["type"]!);
            Assert.False((bool)r["gpuWorkMayHaveRun"]!);
        });
        Assert.Equal(successes.Count, fake.Journal.CallCount("/wan2.6-r2v"));

        await using var observer = new RedisModal(fake, redis.Server.Configuration, redisOptions: o => o.KeyPrefix = prefix);
        var account = observer.Ledger.Snapshot();
        Assert.True(account.IsShared);
        Assert.Equal(successes.Count, account.Total.Calls);
        Assert.Equal(spent, account.Total.TotalUsd);
        Assert.Equal(spent, account.WindowUsd);
        Assert.Equal(spent, account.ByFamily[ModalFamily.Video].EstimatedUsd);
        Assert.Equal(0m, account.InFlightEstimateUsd);
    }
}
