using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Modal.Client.ReliabilityTests.Support;
using Modal.Client.Testing;
using Xunit.Abstractions;

namespace Modal.Client.ReliabilityTests;

/// <summary>
/// Issue #7, part 5: 200 calls cancelled at random points. The fake deployment runs on a fake clock that the test
/// advances in steps, so a held request can only end by the clock or by cancellation: once the clock stops, every call
/// still running must end through its cancellation alone, which proves it ends promptly without timing anything.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CancellationStormTests(ITestOutputHelper output)
{
    private const int Calls = 200;
    private const int CancelSteps = 12;
    private const int SlotsPerApp = 10;

    private static readonly TimeSpan SyncLimit = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task TwoHundredCalls_CancelledAtRandomPoints_AllEndWithCancellationAndNothingLeaks()
    {
        var clock = new FakeTimeProvider();
        using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = SyncLimit, TimeProvider = clock });
        // Image: done within the POST; animated WebP: two 303 hops; MP4: one hop, then a body paced over 2 s.
        fake.Endpoint(Representative.Image.Path).GenerationTime = TimeSpan.FromMilliseconds(500);
        fake.Endpoint(Representative.Image.Path).Inject(FakeFault.RateLimited, times: 5, duration: TimeSpan.FromSeconds(30)); // 5 wait in the retry delay (fewer than the breaker's minimum throughput)
        fake.Endpoint(Representative.AnimatedWebP.Path).GenerationTime = TimeSpan.FromMilliseconds(2500);
        fake.Endpoint(Representative.Mp4.Path).GenerationTime = TimeSpan.FromMilliseconds(1500);
        fake.Endpoint(Representative.Mp4.Path).Inject(FakeFault.SlowBody, times: Calls, duration: TimeSpan.FromSeconds(2));
        var tracker = new ResponseTracker();
        using var harness = new ModalHarness(
            fake,
            o => { o.MaxConcurrentCallsPerApp = SlotsPerApp; o.Timeout = TimeSpan.FromMinutes(10); },
            s => s.WrapPrimaryHandlers(tracker.Wrap));
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var random = new Random(2024);
            var cancelAt = Enumerable.Range(0, Calls).Select(_ => random.Next(0, CancelSteps)).ToArray();
            var sources = Enumerable.Range(0, Calls).Select(_ => new CancellationTokenSource()).ToArray();
            var stages = Enumerable.Range(0, Calls).Select(_ => new LastStage()).ToArray();
            var calls = Enumerable.Range(0, Calls)
                .Select(i => CallOutcome.CaptureAsync(() =>
                {
                    return Representative.All[i % 3].CallAsync(harness.Client, new ModalCallOptions { Progress = stages[i] }, i, $"storm {i}", sources[i].Token);
                }))
                .ToArray();

            for (var step = 0; step < CancelSteps; step++)
            {
                await QuietAsync(fake);
                for (var i = 0; i < Calls; i++)
                {
                    if (cancelAt[i] == step)
                    {
                        await sources[i].CancelAsync();
                    }
                }

                await QuietAsync(fake);
                clock.Advance(Step);
            }

            // The clock stands still from here: nothing held by the fake can finish, only cancellation ends a call.
            var outcomes = await Task.WhenAll(calls).WaitAsync(CallOutcome.HangGuard);

            Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
            for (var i = 0; i < Calls; i++)
            {
                outcomes[i].AssertResultOrTypedException(cancellationRequested: true);
                if (outcomes[i].Exception is { } ex)
                {
                    var cancelled = Assert.IsAssignableFrom<OperationCanceledException>(ex);
                    Assert.Equal(sources[i].Token, cancelled.CancellationToken);
                }
            }

            var completed = outcomes.Count(o => o.Succeeded);
            var hit = Enumerable.Range(0, Calls).Where(i => !outcomes[i].Succeeded)
                .GroupBy(i => stages[i].Stage?.ToString() ?? "before start").ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{Calls} calls: {Calls - completed} ended cancelled, {completed} completed before their cancellation point");
            output.WriteLine("Cancelled while: " + string.Join(", ", hit.OrderBy(h => h.Key).Select(h => $"{h.Key} {h.Value}")));
            output.WriteLine($"HTTP responses received {tracker.Created}, not disposed {tracker.Live}");
            Assert.True(Calls - completed >= Calls / 2, "Most calls should have been cancelled mid-flight; the storm did not storm.");
            Assert.Equal(0, tracker.Live);
            Assert.True(hit.Count >= 3, "The cancellations should hit calls in at least three different stages.");

            // No concurrency slot leaked: SlotsPerApp new calls per app all reach the fake while the clock is stopped.
            await AssertEverySlotIsFreeAsync(fake, harness.Client);

            foreach (var source in sources)
            {
                source.Dispose();
            }

            calls = null!;
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public async Task CancelledBeforeStart_EndsWithCancellationAndSendsNothing()
    {
        using var fake = FakeModalDeployment.Start();
        using var harness = new ModalHarness(fake);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        foreach (var endpoint in Representative.All)
        {
            var outcome = await CallOutcome.CaptureAsync(() => endpoint.CallAsync(harness.Client, 1, "never sent", cancelled.Token));

            var ex = Assert.IsAssignableFrom<OperationCanceledException>(outcome.Exception);
            Assert.Equal(cancelled.Token, ex.CancellationToken);
        }

        Assert.Empty(fake.Journal.All);
    }

    /// <summary>Waits until the fake has received nothing new for a moment: the calls have moved as far as the clock lets them.</summary>
    private static async Task QuietAsync(FakeModalDeployment fake)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var last = -1;
        for (var quiet = 0; quiet < 3 && !limit.IsCancellationRequested;)
        {
            await Task.Delay(20);
            var now = fake.Journal.All.Count;
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    private static async Task AssertEverySlotIsFreeAsync(FakeModalDeployment fake, IModalClient client)
    {
        fake.Journal.Reset();
        foreach (var endpoint in Representative.All)
        {
            fake.Endpoint(endpoint.Path).ClearFaults();
            fake.Endpoint(endpoint.Path).GenerationTime = TimeSpan.FromHours(1);
        }

        using var probe = new CancellationTokenSource();
        var probes = Representative.All
            .SelectMany(endpoint => Enumerable.Range(0, SlotsPerApp).Select(i => CallOutcome.CaptureAsync(() => endpoint.CallAsync(client, i, "slot probe", probe.Token))))
            .ToArray();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Representative.All.Any(e => fake.Journal.CallCount(e.Path) < SlotsPerApp) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        var arrived = Representative.All.ToDictionary(e => e.Path, e => fake.Journal.CallCount(e.Path));
        await probe.CancelAsync();
        await Task.WhenAll(probes).WaitAsync(CallOutcome.HangGuard);
        Assert.All(arrived, a => Assert.True(a.Value == SlotsPerApp, $"Only {a.Value} of {SlotsPerApp} calls to {a.Key} got a slot: a cancelled call kept its slot."));
    }
}
