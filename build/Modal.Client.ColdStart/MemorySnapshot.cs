using System.Globalization;
using System.Runtime;

namespace Modal.Client.ColdStart;

/// <summary>
/// What a process holds at one moment: the kernel's figures from <c>/proc/self/status</c> (in KiB: the resident set,
/// its peak, and its anonymous / file-backed / shared-memory parts), the GC's view of its heap, and what the runtime
/// loaded and compiled. <see cref="ToString"/> is one <c>key=value</c> line that build/steady-memory.sh parses.
/// </summary>
internal sealed record MemorySnapshot(
    long VmRssKiB,
    long VmHwmKiB,
    long RssAnonKiB,
    long RssFileKiB,
    long RssShmemKiB,
    long WorkingSetBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long GcFragmentedBytes,
    long GcTotalMemoryBytes,
    int Collections,
    int Gen2Collections,
    int Assemblies,
    long JitMethods,
    long JitIlBytes,
    int Threads)
{
    /// <summary>Reads the figures now: <c>/proc/self/status</c> first, so that nothing this method does moves them.</summary>
    public static MemorySnapshot Take()
    {
        var status = ReadStatus();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        return new MemorySnapshot(
            status.GetValueOrDefault("VmRSS"),
            status.GetValueOrDefault("VmHWM"),
            status.GetValueOrDefault("RssAnon"),
            status.GetValueOrDefault("RssFile"),
            status.GetValueOrDefault("RssShmem"),
            Environment.WorkingSet,
            gc.HeapSizeBytes,
            gc.TotalCommittedBytes,
            gc.FragmentedBytes,
            GC.GetTotalMemory(forceFullCollection: false),
            GC.CollectionCount(0),
            GC.CollectionCount(2),
            AppDomain.CurrentDomain.GetAssemblies().Length,
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompiledILBytes(),
            (int)status.GetValueOrDefault("Threads"));
    }

    /// <summary>The GC mode of this process as its runtimeconfig set it: <c>workstation-concurrent</c> for a console app by default.</summary>
    public static string GcMode => $"{(GCSettings.IsServerGC ? "server" : "workstation")}-{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "nonconcurrent" : "concurrent")}";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"vmrss_kib={VmRssKiB} vmhwm_kib={VmHwmKiB} rss_anon_kib={RssAnonKiB} rss_file_kib={RssFileKiB} rss_shmem_kib={RssShmemKiB} "
        + $"working_set_kib={WorkingSetBytes / 1024} gc_heap_kib={GcHeapBytes / 1024} gc_committed_kib={GcCommittedBytes / 1024} "
        + $"gc_fragmented_kib={GcFragmentedBytes / 1024} gc_total_memory_kib={GcTotalMemoryBytes / 1024} collections={Collections} gen2_collections={Gen2Collections} "
        + $"assemblies={Assemblies} jit_methods={JitMethods} jit_il_kib={JitIlBytes / 1024} threads={Threads} gc_mode={GcMode}");

    private static Dictionary<string, long> ReadStatus()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (long.TryParse(space < 0 ? value : value[..space], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                values[line[..colon]] = number;
            }
        }

        return values;
    }
}
