using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.Redis.Tests.Support;
using Modal.Client.Testing;
using StackExchange.Redis;

namespace Modal.Client.Redis.Tests;

/// <summary>The shared concurrency limit seen from one process: queue time, progress, cancellation while queued.</summary>
[Collection(RedisTests.Name)]
public sealed class SharedLimitTests(RedisFixture redis)
{
    [Fact]
    public async Task SharedLimitOfOne_SecondCall_QueuesWithQueueTimeAndProgressAndSharedMetricTag()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var fake = FakeModalDeployment.Start(new() { TimeProvider = time, DefaultGenerationTime = TimeSpan.FromSeconds(10) });
        var prefix = RedisFixture.NewPrefix();
        await using var modal = new RedisModal(fake, redis.Server.Configuration, o => o.MaxConcurrentCallsPerApp = 1, o => o.KeyPrefix = prefix);
        using var queue = new MetricCollector<double>(modal.Services.GetRequiredService<IMeterFactory>(), "Modal.Client", "modal.client.queue.duration");
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var stages = new ConcurrentQueue<ModalCallStage>();
        var progress = new SyncProgress(p => stages.Enqueue(p.Stage));

        var first = modal.Client.Flux.SchnellAsync(RedisModal.Fox(1));
        await Until(() => fake.Journal.GpuRunsInFlightCount("ryla-flux") == 1);
        var second = modal.Client.Flux.DevAsync(RedisModal.Owl(2), new ModalCallOptions { Progress = progress });
        await Until(() => connection.GetDatabase().SortedSetLength($"{{{prefix}}}:queue:ryla-flux") == 1);
        Assert.Equal([ModalCallStage.Queued], stages);
        Assert.Equal(0, fake.Journal.CallCount("/flux-dev"));

        time.Advance(TimeSpan.FromSeconds(10));
        var fox = await first;
        await Until(() => fake.Journal.GpuRunsInFlightCount("ryla-flux") == 1);
        time.Advance(TimeSpan.FromSeconds(10));
        var owl = await second;

        Assert.Equal(TimeSpan.Zero, fox.QueueTime);
        Assert.True(owl.QueueTime > TimeSpan.Zero);
        Assert.Equal([ModalCallStage.Queued, ModalCallStage.Sending], stages.Take(2));
        Assert.Equal(ModalCallStage.Completed, stages.Last());
        Assert.Equal([true, true], queue.GetMeasurementSnapshot().Select(m => (bool)m.Tags["modal.limit.shared"]!));
        Assert.Equal(1, fake.Journal.PeakGpuRunsInFlightCount("ryla-flux"));
    }

    [Fact]
    public async Task CallCancelledWhileQueued_LeavesTheQueue_AndTheNextCallIsNotHeldBehindIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var fake = FakeModalDeployment.Start(new() { TimeProvider = time, DefaultGenerationTime = TimeSpan.FromSeconds(10) });
        var prefix = RedisFixture.NewPrefix();
        await using var modal = new RedisModal(fake, redis.Server.Configuration, o => o.MaxConcurrentCallsPerApp = 1, o => o.KeyPrefix = prefix);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var waiting = connection.GetDatabase();

        var first = modal.Client.Flux.SchnellAsync(RedisModal.Fox(1));
        await Until(() => fake.Journal.GpuRunsInFlightCount("ryla-flux") == 1);
        using var cancel = new CancellationTokenSource();
        var abandoned = modal.Client.Flux.DevAsync(RedisModal.Owl(2), cancellationToken: cancel.Token);
        await Until(() => waiting.SortedSetLength($"{{{prefix}}}:queue:ryla-flux") == 1);
        await cancel.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal("The call to /flux-dev was cancelled before it was sent.", ex.Message);
        await Until(() => waiting.SortedSetLength($"{{{prefix}}}:queue:ryla-flux") == 0);
        time.Advance(TimeSpan.FromSeconds(10));
        await first;
        fake.Endpoint("/flux-dev").GenerationTime = TimeSpan.Zero;
        var next = await modal.Client.Flux.DevAsync(RedisModal.Owl(3));

        Assert.Equal(TimeSpan.Zero, next.QueueTime);
        Assert.Equal(1, fake.Journal.CallCount("/flux-dev"));
        Assert.Equal(0, waiting.SortedSetLength($"{{{prefix}}}:slots:ryla-flux"));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting for the condition");
    }

    private sealed class SyncProgress(Action<ModalCallProgress> report) : IProgress<ModalCallProgress>
    {
        public void Report(ModalCallProgress value) => report(value);
    }
}
