using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Redis.Tests;

/// <summary>A process that dies holding slots does not hold them for ever: they lapse after the lease timeout.</summary>
[Collection(RedisTests.Name)]
public sealed class LeaseTests(RedisFixture redis)
{
    [Fact]
    public async Task KilledProcess_HoldingEverySlot_SlotsComeBackAfterTheLeaseTimeout()
    {
        await using var fake = FakeModalDeployment.Start();
        fake.Endpoint("/flux").GenerationTime = TimeSpan.FromMinutes(2); // the killed process's runs go on at Modal
        var prefix = RedisFixture.NewPrefix();
        await using var survivor = new RedisModal(fake, redis.Server.Configuration, o => o.Timeout = TimeSpan.FromSeconds(60), o =>
        {
            o.KeyPrefix = prefix;
            o.LeaseTimeout = TimeSpan.FromSeconds(3);
        });
        survivor.Ledger.Snapshot(); // connected and warm before the other process dies

        using var doomed = FleetProcess.Start(FleetProcess.Arguments(
            ("url", fake.BaseUrl), ("endpoint", "/flux"), ("calls", 4), ("parallel", 4), ("limit", 4),
            ("redis", redis.Server.Configuration), ("prefix", prefix), ("lease-ms", 3000)));
        await doomed.ReadyAsync();
        doomed.Go();
        for (var i = 0; i < 3000 && fake.Journal.GpuRunsInFlightCount("ryla-flux") < 4; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(4, fake.Journal.GpuRunsInFlightCount("ryla-flux"));
        doomed.Kill();

        var image = await survivor.Client.Flux.DevAsync(RedisModal.Owl());

        Assert.True(image.QueueTime > TimeSpan.Zero, "the call should have waited for the dead process's slots to lapse");
        Assert.Equal(1, fake.Journal.CallCount("/flux-dev"));
        Assert.Equal(4, fake.Journal.GpuRunsInFlightCount("ryla-flux")); // the dead process's runs still go on at Modal
    }
}
