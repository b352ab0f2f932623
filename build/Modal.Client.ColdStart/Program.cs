// One cold call (issue 18): `Modal.Client.ColdStart sdk|raw <server base URL>` builds what an application builds, makes
// one POST /flux and exits 0 when the answer is the expected PNG. build/cold-start.sh times whole processes of this.
// `steady sdk|raw <url> [calls]` makes the call many times and prints the resident memory (build/steady-memory.sh);
// `profile <url> [calls]` breaks down the bytes a warm SDK call allocates.
using System.Text.Json.Serialization;

if (args.Length >= 2 && args[0] == "profile")
{
    return await Modal.Client.ColdStart.AllocationProfile.RunAsync(new Uri(args[1]), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
}

if (args.Length >= 3 && args[0] == "cpu" && args[1] is ("sdk" or "raw"))
{
    // Client-only CPU, thread-pool work items and lock contentions per warm call: `cpu sdk|raw <url> [calls]`.
    return await Modal.Client.ColdStart.CpuPerCall.RunAsync(args[1], new Uri(args[2]), args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
}

if (args.Length >= 3 && args[0] == "steady" && args[1] is ("sdk" or "raw"))
{
    // Steady-state resident memory after many calls (build/steady-memory.sh): `steady sdk|raw <url> [calls] [--detail]`.
    var detail = args.Contains("--detail");
    var numbers = args.Skip(3).Where(a => a != "--detail").ToArray();
    return await Modal.Client.ColdStart.SteadyMemory.RunAsync(args[1], new Uri(args[2]), numbers.Length > 0 ? int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 2_000, detail);
}

if (args.Length != 2 || args[0] is not ("sdk" or "raw"))
{
    await Console.Error.WriteLineAsync("usage: Modal.Client.ColdStart sdk|raw <server base URL>  |  profile <url> [calls]  |  steady sdk|raw <url> [calls] [--detail]");
    return 2;
}

// Each client in its own method, so that this method's state machine names no SDK type: the raw process then loads none
// of the SDK's assemblies (Modal.Client, Refit, Microsoft.Extensions.*), as an application without the SDK would not.
var length = args[0] == "sdk" ? await Modal.Client.ColdStart.ColdCall.SdkAsync(new Uri(args[1])) : await Modal.Client.ColdStart.ColdCall.RawAsync(new Uri(args[1]));
if (Environment.GetEnvironmentVariable("MODAL_COLD_START_JIT_COUNT") == "1")
{
    // Exact, unlike times on a busy machine: how many methods this process had the JIT compile (0 under Native AOT).
    Console.WriteLine($"jit-methods {System.Runtime.JitInfo.GetCompiledMethodCount()}");
}

return length > 8 ? 0 : 1;

internal sealed class RawFlux
{
    public required string Prompt { get; init; }

    public long Seed { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RawFlux))]
internal sealed partial class RawJson : JsonSerializerContext;
