// One cold call (issue 18): `Modal.Client.ColdStart sdk|raw <server base URL>` builds what an application builds, makes
// one POST /flux and exits 0 when the answer is the expected PNG. build/cold-start.sh times whole processes of this.
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;

if (args.Length >= 2 && args[0] == "profile")
{
    return await Modal.Client.ColdStart.AllocationProfile.RunAsync(new Uri(args[1]), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
}

if (args.Length != 2 || args[0] is not ("sdk" or "raw"))
{
    await Console.Error.WriteLineAsync("usage: Modal.Client.ColdStart sdk|raw <server base URL>");
    return 2;
}

var baseUrl = new Uri(args[1]);
const string Prompt = "a red fox in the snow, golden hour";
int length;
if (args[0] == "sdk")
{
    var trace = Environment.GetEnvironmentVariable("MODAL_COLD_START_TRACE") == "1";
    var clock = System.Diagnostics.Stopwatch.StartNew();
    void Mark(string what)
    {
        if (trace)
        {
            Console.Error.WriteLine(
                $"{what}: {clock.Elapsed.TotalMilliseconds:0.0} ms; JIT so far {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, "
                + $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0.0} ms; {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies");
        }
    }

    var services = new ServiceCollection();
    services.AddModalClient(o => o.BaseUrl = baseUrl);
    Mark("registered");
    await using var provider = services.BuildServiceProvider();
    Mark("provider built");
    if (Environment.GetEnvironmentVariable("MODAL_COLD_START_TRACE_OPTIONS") == "1")
    {
        _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ModalClientOptions>>().CurrentValue;
        Mark("options read and validated");
    }

    var modal = provider.GetRequiredService<IModalClient>();
    Mark("IModalClient resolved");
    var flux = modal.Flux;
    Mark("Flux client resolved");
    var image = await flux.SchnellAsync(new FluxSchnellRequest { Prompt = Prompt, Seed = 42 });
    Mark("first call done");
    if (trace)
    {
        _ = await flux.SchnellAsync(new FluxSchnellRequest { Prompt = Prompt, Seed = 42 });
        Mark("second call done");
    }

    length = image.Content.Length;
}
else
{
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    var body = JsonSerializer.SerializeToUtf8Bytes(new RawFlux { Prompt = Prompt, Seed = 42 }, RawJson.Default.RawFlux);
    using var content = new ByteArrayContent(body);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using var response = await http.PostAsync(new Uri(baseUrl, "flux"), content);
    response.EnsureSuccessStatusCode();
    var bytes = new byte[response.Content.Headers.ContentLength ?? 0];
    await using var stream = await response.Content.ReadAsStreamAsync();
    await stream.ReadExactlyAsync(bytes);
    length = bytes.Length;
}

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
