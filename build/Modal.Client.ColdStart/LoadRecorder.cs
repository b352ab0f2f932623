using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Modal.Client.ColdStart;

/// <summary>
/// For <c>steady --detail</c>: what the runtime loads and compiles while the calls run. Each assembly load is recorded
/// with the frames that caused it (the first frames outside the runtime's loader), and each JIT compilation (the
/// runtime's MethodLoadVerbose events: every tier counts) with its native code size, each type loaded (TypeLoadStop
/// events, distinct names), grouped by namespace, and the collections by kind (blocking or background). Started
/// before the client is built; its own events and allocations perturb the figures a little, so build/steady-memory.sh
/// takes its table from runs without <c>--detail</c>.
/// </summary>
internal sealed class LoadRecorder : EventListener
{
    private const int NamespaceDepth = 3;

    private static readonly string[] LoaderFrames =
    [
        "System.Runtime.Loader.", "System.Reflection.", "System.RuntimeType", "System.AppDomain", "System.RuntimeTypeHandle",
        "System.Runtime.CompilerServices.RuntimeHelpers", "System.Diagnostics.StackTrace", "Modal.Client.ColdStart.LoadRecorder",
    ];

    private readonly ConcurrentQueue<(string Assembly, string Origin)> _loads = new();
    private readonly Dictionary<string, (long Methods, long CodeBytes)> _jit = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _gcs = new(StringComparer.Ordinal);

    public LoadRecorder() => AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;

    public void Print(TextWriter output)
    {
        lock (_gcs)
        {
            // The GC runs a gen2 collection as a background one only when gen2 is big enough to be worth it (about 1 MiB of
            // small objects here): objects allocated meanwhile survive it, so large results then stay resident longer.
            output.WriteLine($"collections {string.Join(", ", _gcs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}");
        }

        foreach (var (assembly, origin) in _loads)
        {
            output.WriteLine($"loaded {assembly}  <=  {origin}");
        }

        lock (_types)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"types loaded {_types.Count}"));
            if (Environment.GetEnvironmentVariable("MODAL_STEADY_TYPE_LIST") is { Length: > 0 } path)
            {
                File.WriteAllLines(path, _types.Order(StringComparer.Ordinal)); // every type name, for diffing two runs
            }

            foreach (var (name, count) in _types.GroupBy(Group).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).Take(25))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"types {count,6}  {name}"));
            }
        }

        lock (_jit)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jit total {_jit.Values.Sum(v => v.Methods)} compilations, {_jit.Values.Sum(v => v.CodeBytes) / 1024} KiB native code"));
            foreach (var (name, (methods, bytes)) in _jit.OrderByDescending(p => p.Value.CodeBytes))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jit {methods,6} methods {bytes / 1024,6} KiB  {name}"));
            }
        }
    }

    public override void Dispose()
    {
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GCKeyword (GCStart), JitKeyword (MethodLoadVerbose) and TypeDiagnosticKeyword (TypeLoadStop).
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(0x1 | 0x10 | 0x80_0000_0000));
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) == true)
        {
            // Type: 0 blocking, 1 background, 2 foreground (an ephemeral GC during a background one).
            var kind = $"gen{payload[names.IndexOf("Depth")]} {Convert.ToInt32(payload[names.IndexOf("Type")], CultureInfo.InvariantCulture) switch { 0 => "blocking", 1 => "background", _ => "foreground" }}";
            lock (_gcs)
            {
                _gcs[kind] = _gcs.GetValueOrDefault(kind) + 1;
            }

            return;
        }

        if (eventData.EventName == "TypeLoadStop")
        {
            var typeName = payload[names.IndexOf("TypeName")] as string ?? "?";
            lock (_types)
            {
                _types.Add(typeName);
            }

            return;
        }

        if (eventData.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true)
        {
            return;
        }

        var type = payload[names.IndexOf("MethodNamespace")] as string ?? "?";
        var size = Convert.ToInt64(payload[names.IndexOf("MethodSize")], CultureInfo.InvariantCulture);
        var group = Group(type);
        lock (_jit)
        {
            var (methods, bytes) = _jit.GetValueOrDefault(group);
            _jit[group] = (methods + 1, bytes + size);
        }
    }

    /// <summary>The first <see cref="NamespaceDepth"/> segments of a type's namespace (generic arguments dropped).</summary>
    private static string Group(string type)
    {
        var bracket = type.IndexOfAny(['[', '`', '<']);
        var name = bracket > 0 ? type[..bracket] : type;
        var parts = name.Split('.');
        return string.Join('.', parts.Take(Math.Min(NamespaceDepth, Math.Max(1, parts.Length - 1))));
    }

    // StackFrame.GetMethod rather than StackTrace.ToString: rendering the text reads the frames' custom attributes, which
    // loads the assemblies they name (Modal.Client among them) into a raw process that otherwise never loads them.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Diagnostic text only: a trimmed or AOT build prints fewer names.")]
    private void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        var frames = new StackTrace(1, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod() is { DeclaringType: { } type } method ? $"{type.FullName}.{method.Name}" : "?")
            .Where(frame => !LoaderFrames.Any(prefix => frame.StartsWith(prefix, StringComparison.Ordinal)))
            .Take(4);
        _loads.Enqueue((args.LoadedAssembly.GetName().Name ?? "?", string.Join(" < ", frames)));
    }
}
