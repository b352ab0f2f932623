using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;
using Modal.Client.Testing;

// One process of a fleet. Arguments (name value pairs):
//   --url <fake base URL>   --endpoint /flux|/wan2.6-r2v   --calls N   --parallel N   --limit N
//   [--redis <configuration>] [--prefix P] [--lease-ms N] [--fallback true] [--budget USD] [--timeout-ms N]
//   [--refused-pause-ms N] (after a budget refusal, pause like a queue worker would before its next job)
// Prints "ready" once warmed up, waits for a line on stdin, makes the calls (--parallel loops take the next of --calls),
// prints one JSON line per call, then "done".
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    arguments[args[i].TrimStart('-')] = args[i + 1];
}

string Arg(string name, string fallback) => arguments.TryGetValue(name, out var value) ? value : fallback;
int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var endpoint = Arg("endpoint", "/flux");
var calls = Int("calls", 15);
var parallel = Int("parallel", 4);
var refusedPause = TimeSpan.FromMilliseconds(Int("refused-pause-ms", 0));
var services = new ServiceCollection();
var builder = services.AddModalClient(o =>
{
    o.BaseUrl = new Uri(Arg("url", "http://127.0.0.1:1"));
    o.MaxConcurrentCallsPerApp = Int("limit", 4);
    if (arguments.TryGetValue("budget", out var budget))
    {
        o.Budget.MaxSpendPerWindowUsd = decimal.Parse(budget, CultureInfo.InvariantCulture);
    }

    if (arguments.TryGetValue("timeout-ms", out var timeout))
    {
        o.EndpointTimeouts[endpoint] = TimeSpan.FromMilliseconds(int.Parse(timeout, CultureInfo.InvariantCulture));
    }
});
var shared = arguments.TryGetValue("redis", out var redis);
if (shared)
{
    builder.UseRedis(redis!, o =>
    {
        o.KeyPrefix = Arg("prefix", "modal-client");
        o.LeaseTimeout = TimeSpan.FromMilliseconds(Int("lease-ms", 30_000));
        o.SlotPollInterval = TimeSpan.FromMilliseconds(100);
        o.FallBackToProcessLimits = Arg("fallback", "false") == "true";
    });
}

await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IModalClient>();
var ledger = provider.GetRequiredService<ModalCostLedger>();
if (shared)
{
    ledger.Snapshot(); // opens the connection before the start signal
}

Console.WriteLine("ready");
Console.Out.Flush();
_ = Console.ReadLine();

var next = -1;
var output = new Lock();
var video = ModalMedia.FromBytes(FakeMedia.Mp4());
await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
{
    while (Interlocked.Increment(ref next) < calls)
    {
        var index = next;
        Dictionary<string, object?> line;
        try
        {
            GeneratedMedia media = endpoint == "/wan2.6-r2v"
                ? await client.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [video], Prompt = $"waves {index}", Width = 64, Height = 64, FrameCount = 2 })
                : await client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = $"a fox {index}", Width = 64, Height = 64 });
            line = new() { ["outcome"] = "success", ["costUsd"] = media.Cost.Usd, ["queued"] = media.QueueTime > TimeSpan.Zero };
        }
        catch (Exception ex)
        {
            line = new()
            {
                ["outcome"] = "error",
                ["type"] = ex.GetType().Name,
                ["gpuWorkMayHaveRun"] = (ex as ModalException)?.GpuWorkMayHaveRun,
                ["limit"] = (ex as ModalSharedLimitsUnavailableException)?.Limit,
                ["text"] = ex.ToString(),
            };
        }

        lock (output)
        {
            Console.WriteLine(JsonSerializer.Serialize(line));
        }

        if ((string?)line.GetValueOrDefault("type") == nameof(ModalBudgetExceededException))
        {
            await Task.Delay(refusedPause);
        }
    }
}));

Console.WriteLine("done");
return 0;
