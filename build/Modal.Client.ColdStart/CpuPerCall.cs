using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;

namespace Modal.Client.ColdStart;

/// <summary>
/// <c>cpu sdk|raw &lt;url&gt; [calls]</c>: what one warm sequential call costs the client process alone (the loopback
/// server runs in another process): CPU time (user + system, all threads), wall time, thread-pool work items (each one a
/// hop from one thread to another), lock contentions and bytes allocated, per call, over <c>calls</c> calls (10,000 by
/// default) after 3,000 warm-up calls. The calls are <see cref="SteadyMemory"/>'s, so both measures run the same code.
/// The work-item and contention counts are exact; the times vary from run to run.
/// </summary>
internal static class CpuPerCall
{
    public static async Task<int> RunAsync(string client, Uri baseUrl, int calls)
    {
        Func<Task<int>> call;
        ServiceProvider? owner = null;
        if (client == "sdk")
        {
            var services = new ServiceCollection();
            services.AddModalClient(o =>
            {
                o.BaseUrl = baseUrl;
                if (Environment.GetEnvironmentVariable("MODAL_PROFILE_NO_RESILIENCE") == "1")
                {
                    // For comparison only: the pipeline without the POST retry and circuit breaker strategies.
                    o.Retry.MaxRetryAttempts = 0;
                    o.CircuitBreaker.Enabled = false;
                }
            });
            var provider = services.BuildServiceProvider();
            owner = provider;
            var flux = provider.GetRequiredService<IModalClient>().Flux;
            call = () => SteadyMemory.SdkCallAsync(flux);
        }
        else
        {
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
            var url = new Uri(baseUrl, "flux");
            call = () => SteadyMemory.RawCallAsync(http, url);
        }

        // Warm up until the JIT is quiet: at least 3,000 calls, then until 1,000 calls in a row compile nothing more
        // (tiered compilation's background recompiles would otherwise be counted as the calls' CPU).
        for (var i = 0; i < 3_000; i++)
        {
            _ = await call();
        }

        for (var round = 0; round < 50; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < 1_000; i++)
            {
                _ = await call();
            }

            await Task.Delay(200);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
            {
                break;
            }
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var items = ThreadPool.CompletedWorkItemCount;
        var contentions = Monitor.LockContentionCount;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var threadsBefore = ThreadTimes();
        var clock = Stopwatch.StartNew();
        var ok = true;
        for (var i = 0; i < calls; i++)
        {
            ok &= await call() > 8;
        }

        var wall = clock.Elapsed;
        process.Refresh();
        Console.WriteLine(
            $"client={client} calls={calls} cpu_us={(process.TotalProcessorTime - cpu).TotalMicroseconds / calls:0.0} wall_us={wall.TotalMicroseconds / calls:0.0} "
            + $"work_items={(ThreadPool.CompletedWorkItemCount - items) / (double)calls:0.00} contentions={(Monitor.LockContentionCount - contentions) / (double)calls:0.000} "
            + $"allocated_b={(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls:0} gen0={GC.CollectionCount(0) - gen0}");
        if (Environment.GetEnvironmentVariable("MODAL_CPU_THREADS") == "1")
        {
            // Which threads spent the CPU (Linux: /proc/self/task), by thread name, microseconds per call.
            var after = ThreadTimes();
            foreach (var group in after.Select(p => (p.Value.Name, Ticks: p.Value.Ticks - (threadsBefore.TryGetValue(p.Key, out var b) ? b.Ticks : 0)))
                         .GroupBy(t => t.Name).Select(g => (g.Key, Ticks: g.Sum(t => t.Ticks), Count: g.Count(t => t.Ticks > 0))).OrderByDescending(g => g.Ticks))
            {
                Console.WriteLine($"  {group.Key,-20} {group.Ticks * 10_000.0 / calls:0.0} us/call over {group.Count} threads");
            }
        }

        if (owner is not null)
        {
            await owner.DisposeAsync();
        }

        return ok ? 0 : 1;
    }

    /// <summary>User + system clock ticks (1/100 s) of each thread of this process, by thread id, with its name.</summary>
    private static Dictionary<string, (string Name, long Ticks)> ThreadTimes()
    {
        var result = new Dictionary<string, (string, long)>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return result;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result[Path.GetFileName(task)] = (name, long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
            }
        }

        return result;
    }
}
