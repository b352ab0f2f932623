using System.Globalization;

namespace Modal.Client.ColdStart;

/// <summary>
/// Where the resident set is, from <c>/proc/self/smaps</c>: each mapping's <c>Rss</c> summed by what backs it: managed
/// assemblies (mapped <c>.dll</c> files), native libraries (<c>.so</c>), the runtime's executable memory (W^X double
/// mapping through <c>memfd:doublemapper</c>: JIT'd code, stubs, precode and the type loader's heaps; with
/// <c>DOTNET_EnableWriteXorExecute=0</c> the same memory is anonymous), and the anonymous memory (the GC heap, whose
/// committed size <see cref="MemorySnapshot"/> gives, native heaps, thread stacks). Per-file lines list the assemblies
/// and libraries, for diffing two processes.
/// </summary>
internal static class SmapsBreakdown
{
    public static void Print(TextWriter output)
    {
        var mappings = Read();
        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var m in mappings)
        {
            var category = m.Path switch
            {
                _ when m.Path.EndsWith(".dll", StringComparison.Ordinal) => "managed assemblies (.dll files)",
                _ when m.Path.Contains(".so", StringComparison.Ordinal) => "native libraries (.so files)",
                _ when m.Path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "executable memory (memfd:doublemapper)",
                "[heap]" => "native heap (brk)",
                "[stack]" => "main thread stack",
                "" => "anonymous (the GC heap: see gc_committed_kib; malloc arenas, thread stacks)",
                _ => "other files (" + Path.GetFileName(m.Path) + ")",
            };
            categories[category] = categories.GetValueOrDefault(category) + m.RssKiB;
            if (m.Path.EndsWith(".dll", StringComparison.Ordinal) || m.Path.Contains(".so", StringComparison.Ordinal))
            {
                var name = Path.GetFileName(m.Path);
                files[name] = files.GetValueOrDefault(name) + m.RssKiB;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smaps total {mappings.Sum(m => m.RssKiB)} KiB"));
        foreach (var (category, kib) in categories.OrderByDescending(p => p.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smaps {kib,8} KiB  {category}"));
        }

        foreach (var (name, kib) in files.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file  {kib,8} KiB  {name}"));
        }
    }

    private static List<Mapping> Read()
    {
        var mappings = new List<Mapping>();
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
            var dash = firstSpace > 0 ? line.IndexOf('-', 0, firstSpace) : -1;
            if (dash > 0)
            {
                // "start-end perms offset dev inode [path]": the path is the sixth field, and may hold spaces.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                mappings.Add(new Mapping(
                    ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    ulong.Parse(line.AsSpan(dash + 1, firstSpace - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    fields.Length > 5 ? fields[5].Trim() : string.Empty));
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal) && mappings.Count > 0)
            {
                mappings[^1].RssKiB = long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            }
        }

        return mappings;
    }

    private sealed class Mapping(ulong start, ulong end, string path)
    {
        public ulong Start { get; } = start;

        public ulong End { get; } = end;

        public string Path { get; } = path;

        public long RssKiB { get; set; }
    }
}
