using System.Diagnostics;
using System.Globalization;

namespace Modal.Client.Benchmarks;

/// <summary>
/// The <c>--load</c> mode: rounds of N concurrent calls (50 by default, issue 18) through one client, the SDK (with
/// <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> = N, so its per-app limit does not serialize them), the raw
/// baseline (<c>ReadAsByteArrayAsync</c>) and a raw presized read taking turns, against the loopback server. Prints errors,
/// calls per second and latency percentiles, and the SDK's overhead against each raw client.
/// </summary>
internal static class LoadTest
{
    private const string Prompt = "a red fox in the snow, golden hour";

    public static async Task<int> RunAsync(Uri server, int calls, int rounds)
    {
        var failed = false;
        Console.WriteLine($"Load: {rounds} rounds of {calls} concurrent calls per client and result size (after one warm-up round each); the clients take turns.");
        Console.WriteLine();
        Console.WriteLine("| Result | Client | Calls | Errors | Calls/s | p50 ms | p90 ms | p99 ms | Max ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var overheads = new List<string>();
        foreach (var (label, prefix) in new[] { ("1.3 MiB PNG", LoopbackServer.ImagePrefix), ("16 KiB PNG", LoopbackServer.SmallImagePrefix) })
        {
            using var sdk = new SdkClient(new Uri(server, prefix), maxConcurrentCallsPerApp: calls);
            using var raw = new RawClient();
            var rawUrl = new Uri(server, prefix + "flux");
            var clients = new (string Name, Func<Task> Call, Run Run)[]
            {
                ("raw HttpClient + STJ, ReadAsByteArrayAsync (baseline)", () => raw.PostForBytesAsync(rawUrl, NewRawRequest(), RawJsonContext.Default.RawFluxRequest), new Run()),
                ("raw HttpClient + STJ, presized read", () => raw.PostForBytesPresizedAsync(rawUrl, NewRawRequest(), RawJsonContext.Default.RawFluxRequest), new Run()),
                ("SDK Flux.SchnellAsync", () => sdk.Modal.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = Prompt }), new Run()),
            };

            foreach (var client in clients)
            {
                await RoundAsync(client.Call, calls);
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var client in clients)
                {
                    client.Run.Add(await RoundAsync(client.Call, calls));
                }
            }

            foreach (var client in clients)
            {
                Console.WriteLine(client.Run.Row(label, client.Name));
                failed |= client.Run.Errors > 0;
                foreach (var error in client.Run.FirstErrors)
                {
                    Console.WriteLine($"  error ({client.Name}): {error}");
                }
            }

            var (baseline, presized, sdkRun) = (clients[0].Run, clients[1].Run, clients[2].Run);
            overheads.Add(Overhead(label, "ReadAsByteArrayAsync (baseline)", sdkRun, baseline));
            overheads.Add(Overhead(label, "presized read", sdkRun, presized));
        }

        Console.WriteLine();
        Console.WriteLine("| Result | SDK vs raw | p50 overhead | p99 overhead | Calls/s ratio |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        overheads.ForEach(Console.WriteLine);
        return failed ? 1 : 0;
    }

    private static RawFluxRequest NewRawRequest() => new() { Prompt = Prompt, Seed = Random.Shared.NextInt64(0, int.MaxValue) };

    private static string Overhead(string label, string versus, Run sdk, Run raw) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {label} | {versus} | {sdk.Percentile(50) - raw.Percentile(50):+0.0;-0.0} ms ({sdk.Percentile(50) / raw.Percentile(50):0.00}x) "
        + $"| {sdk.Percentile(99) - raw.Percentile(99):+0.0;-0.0} ms ({sdk.Percentile(99) / raw.Percentile(99):0.00}x) "
        + $"| {sdk.CallsPerSecond / raw.CallsPerSecond:0.00}x |");

    private static async Task<Round> RoundAsync(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => TimeAsync(call)));
        return new Round(Stopwatch.GetElapsedTime(started), results);
    }

    private static async Task<(TimeSpan Latency, Exception? Error)> TimeAsync(Func<Task> call)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            return (Stopwatch.GetElapsedTime(started), null);
        }
#pragma warning disable CA1031 // A failed call is counted and reported, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (Stopwatch.GetElapsedTime(started), ex);
        }
    }

    private sealed record Round(TimeSpan Wall, (TimeSpan Latency, Exception? Error)[] Results);

    private sealed class Run
    {
        private readonly List<double> _latencies = [];
        private TimeSpan _wall;

        public int Calls { get; private set; }

        public int Errors { get; private set; }

        public List<string> FirstErrors { get; } = [];

        public double CallsPerSecond => Calls / _wall.TotalSeconds;

        public void Add(Round round)
        {
            _wall += round.Wall;
            foreach (var (latency, error) in round.Results)
            {
                Calls++;
                _latencies.Add(latency.TotalMilliseconds);
                if (error is not null)
                {
                    Errors++;
                    if (FirstErrors.Count < 3)
                    {
                        FirstErrors.Add($"{error.GetType().Name}: {error.Message}");
                    }
                }
            }
        }

        public double Percentile(double percent)
        {
            var sorted = _latencies.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }

        public string Row(string label, string client) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {label} | {client} | {Calls} | {Errors} | {CallsPerSecond:0} | {Percentile(50):0.0} | {Percentile(90):0.0} | {Percentile(99):0.0} | {_latencies.Max():0.0} |");
    }
}
