using System.Collections.Concurrent;
using System.Globalization;
using System.Net.NetworkInformation;
using Modal.Client.ReliabilityTests.Support;
using Modal.Client.Testing;
using Xunit.Abstractions;

namespace Modal.Client.ReliabilityTests;

/// <summary>
/// Issue #7, part 2: 1,000 calls, 200 in flight, through one DI-built client against the fake deployment, with small
/// per-endpoint delays (some past the sync limit, so they are redirected) and 5 % transient platform faults on the
/// result-URL polls. Runs alone: it measures process-wide memory and unobserved task exceptions.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Calls = 1_000;
    private const int InFlight = 200;
    private const double PollFaultRate = 0.05;

    /// <summary>PNG endpoints (the fake writes the seed and prompt it used into the image) over four Modal apps.</summary>
    private static readonly string[] Endpoints =
    [
        "/flux", "/flux-dev", "/z-image-danrisi", "/z-image-simple", "/qwen-image-2512-fast", "/qwen-image-2512", "/sdxl-turbo", "/sdxl-lightning",
    ];

    private static readonly TimeSpan SyncLimit = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task ThousandCalls_200InFlight_WithTransientPollFaults_AllAccountedForAndMatchedToTheirRequest()
    {
        var random = new Random(7);
        using var fake = FakeModalDeployment.Start(new FakeModalDeploymentOptions { SyncLimit = SyncLimit, ServeDeletedSdxlRoutes = true });
        var scriptedPollFaults = 0;
        foreach (var path in Endpoints)
        {
            // 0-40 ms of simulated GPU time: about half the endpoints answer at once, the others 303 once or twice.
            fake.Endpoint(path).GenerationTime = TimeSpan.FromMilliseconds(random.Next(0, 41));
            scriptedPollFaults += ScriptPollFaults(fake.Endpoint(path), random, polls: Calls);
        }

        using var harness = new ModalHarness(fake, o =>
        {
            o.MaxConcurrentCallsPerApp = InFlight;
            o.Timeout = TimeSpan.FromSeconds(60);
        });
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);

        // Warm up (JIT, connection pools, the fake's first requests), then take the baseline.
        foreach (var path in Endpoints)
        {
            await Call(harness.Client, path, seed: 1, prompt: "warm-up", CancellationToken.None);
        }

        fake.Journal.Reset();
        var baseline = Settle();
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var outcomes = new CallOutcome[Calls];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Calls),
                new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                async (i, ct) => outcomes[i] = await CallOutcome.CaptureAsync(
                    () => Call(harness.Client, Endpoints[i % Endpoints.Length], SeedOf(i), PromptOf(i), ct),
                    TimeSpan.FromSeconds(60)));
            clock.Stop();

            // Every call accounted for: a result or a typed exception; with only transient faults, a result.
            Assert.All(outcomes, o => o.AssertResultOrTypedException());
            var failures = outcomes.Where(o => !o.Succeeded).Select(o => o.Exception!.GetType().Name + ": " + o.Exception.Message).ToList();
            Assert.True(failures.Count == 0, $"{failures.Count} calls failed, first: {failures.FirstOrDefault()}");

            // Every result matched to its own request: the seed the SDK reports and the seed and prompt inside the bytes.
            for (var i = 0; i < Calls; i++)
            {
                var result = outcomes[i].Result!;
                Assert.Equal(Endpoints[i % Endpoints.Length], result.Endpoint?.Path);
                Assert.Equal(SeedOf(i), result.Seed);
                var text = PngText.Read(result.Content.Span);
                Assert.Equal(SeedOf(i).ToString(CultureInfo.InvariantCulture), text["fake-seed"]);
                Assert.Equal(PromptOf(i), text["fake-prompt"]);
                Assert.Equal(result.Endpoint?.Path, text["fake-endpoint"]);
            }

            // Never charged twice: one POST and one GPU run per call; the poll faults cost only extra GETs.
            var posts = Endpoints.Sum(fake.Journal.CallCount);
            var polls = Endpoints.Sum(fake.Journal.PollCount);
            var redirected = outcomes.Count(o => o.Result!.ResultUrlPolls > 0);
            var retried = outcomes.Sum(o => o.Result!.Retries);
            Assert.Equal(Calls, posts);
            Assert.Equal(Calls, fake.Journal.TotalGpuRunCount);
            Assert.True(redirected > 0, "No call was redirected: the poll faults were never exercised.");
            Assert.True(retried > 0, "No poll was retried: the poll faults were never exercised.");

            // No socket exhaustion: connections are pooled, far fewer than one per call.
            var connections = ClientConnectionsTo(fake);

            // Drop what the test itself keeps (results, the fake's journal and tombstones, captured log lines), so the
            // delta is what the SDK and its pipeline still hold.
            outcomes = null!;
            fake.Reset();
            harness.Logs.Clear();
            var after = Settle();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Calls} calls, {InFlight} in flight, in {clock.Elapsed.TotalSeconds:0.00} s"));
            output.WriteLine($"POSTs {posts}, GPU runs {Calls}, result-URL GETs {polls}, redirected calls {redirected}, retried polls {retried}, poll-fault entries queued {scriptedPollFaults} (5 % of the poll slots)");
            output.WriteLine($"TCP connections to the fake (client side, any state) after the run: {connections}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Managed heap: baseline {Mb(baseline):0.0} MB, after the run {Mb(after):0.0} MB, delta {Mb(after - baseline):+0.0;-0.0} MB"));

            Assert.True(connections < Calls / 2, $"{connections} TCP connections for {Calls} calls: connections are not being reused.");
            Assert.True(after - baseline < 50L * 1024 * 1024, $"Managed heap grew by {Mb(after - baseline):0.0} MB over the run.");
            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private static long SeedOf(int i) => 1_000_000 + i;

    private static string PromptOf(int i) => $"load call {i}: a red fox in the snow, variation {i % 17}";

    private static async Task<GeneratedMedia> Call(IModalClient client, string path, long seed, string prompt, CancellationToken ct) => path switch
    {
        "/flux" => await client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        "/flux-dev" => await client.Flux.DevAsync(new FluxDevRequest { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        "/z-image-danrisi" => await client.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = prompt, Seed = seed, Width = 256, Height = 256 }, cancellationToken: ct),
        "/z-image-simple" => await client.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = prompt, Seed = seed, Width = 256, Height = 256 }, cancellationToken: ct),
        "/qwen-image-2512-fast" => await client.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        "/qwen-image-2512" => await client.Qwen.Image2512Async(new QwenImage2512Request { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        "/sdxl-turbo" => await client.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        "/sdxl-lightning" => await client.Sdxl.LightningAsync(new SdxlLightningRequest { Prompt = prompt, Seed = seed, Width = 64, Height = 64 }, cancellationToken: ct),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>Queues a transient platform fault for about 5 % of the endpoint's next result-URL polls.</summary>
    private static int ScriptPollFaults(FakeEndpoint endpoint, Random random, int polls)
    {
        FakeFault[] transient = [FakeFault.ServiceUnavailable, FakeFault.RateLimited, FakeFault.ConnectionReset];
        var faults = 0;
        for (var i = 0; i < polls; i++)
        {
            if (random.NextDouble() < PollFaultRate)
            {
                endpoint.InjectOnPoll(transient[random.Next(transient.Length)], duration: TimeSpan.Zero);
                faults++;
            }
            else
            {
                endpoint.InjectOnPoll(FakeFault.None);
            }
        }

        return faults;
    }

    private static int ClientConnectionsTo(FakeModalDeployment fake)
    {
        var port = fake.BaseUrl.Port;
        return IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections().Count(c => c.RemoteEndPoint.Port == port);
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
