using System.Diagnostics.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;

namespace Modal.Client.ColdStart;

/// <summary>
/// <c>profile &lt;url&gt;</c>: a quick allocation breakdown of warm SDK calls. The runtime's GC AllocationTick events
/// (one sample about every 100 KB allocated, naming the type that crossed the mark) over many calls give each type's
/// share of the bytes allocated per call.
/// </summary>
internal static class AllocationProfile
{
    public static async Task<int> RunAsync(Uri baseUrl, int calls)
    {
        var services = new ServiceCollection();
        var noResilience = Environment.GetEnvironmentVariable("MODAL_PROFILE_NO_RESILIENCE") == "1";
        services.AddModalClient(o =>
        {
            o.BaseUrl = baseUrl;
            if (noResilience)
            {
                // For comparison only: the pipeline without the POST retry and circuit breaker strategies.
                o.Retry.MaxRetryAttempts = 0;
                o.CircuitBreaker.Enabled = false;
            }
        });
        await using var provider = services.BuildServiceProvider();
        var flux = provider.GetRequiredService<IModalClient>().Flux;
        for (var i = 0; i < 500; i++)
        {
            _ = await flux.SchnellAsync(new FluxSchnellRequest { Prompt = "warm-up" });
        }

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            _ = await flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a red fox in the snow, golden hour" });
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
        Console.WriteLine($"{calls} calls{(noResilience ? " (no retry, no breaker)" : "")}: {clock.Elapsed.TotalMicroseconds / calls:0.0} μs and {perCall:0} bytes allocated per call (all threads)");
        var total = listener.Samples.Values.Sum();
        foreach (var (type, count) in listener.Samples.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine($"{100.0 * count / total,5:0.0} %  {perCall * count / total,7:0} B/call  {type}");
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        public Dictionary<string, long> Samples { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.Payload is { } payload)
            {
                var index = eventData.PayloadNames!.IndexOf("TypeName");
                var type = index >= 0 ? payload[index] as string ?? "?" : "?";
                lock (Samples)
                {
                    Samples[type] = Samples.GetValueOrDefault(type) + 1;
                }
            }
        }
    }
}
