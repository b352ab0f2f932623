using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;

namespace Modal.Client.ColdStart;

/// <summary>
/// <c>steady sdk|raw &lt;url&gt; [calls]</c>: the resident memory of a process after many sequential calls (issue 18's
/// "steady-state resident memory"). The same POST /flux is made <c>calls</c> times (2,000 by default) through the SDK
/// (AddModalClient + Flux.SchnellAsync) or through the raw limit of the cold-start <c>raw</c> mode (one HttpClient over a
/// SocketsHttpHandler, a source-generated System.Text.Json body, one read into an array presized from Content-Length),
/// here reading from the response headers on as the benchmarks' <c>RawClient.PostForBytesPresizedAsync</c> does (the
/// cold-start mode's <c>PostAsync</c> buffers the answer first: nothing for one 16 KiB call, a copy at 1.3 MiB); then one
/// <see cref="MemorySnapshot"/> line is printed. Nothing is collected or trimmed by hand before it: the figures
/// are what the process holds in its steady state.
/// </summary>
/// <remarks>
/// Both clients run in this one program, so they share its runtimeconfig: the default GC of a console app, workstation
/// and concurrent (background) GC, tiered JIT; the snapshot line says which (<see cref="MemorySnapshot.GcMode"/>).
/// With <c>--detail</c> (after the calls and the snapshot line) the program also prints the loaded
/// assemblies and what loaded each, the JIT compilations by namespace (<see cref="LoadRecorder"/>), the
/// <c>/proc/self/smaps</c> breakdown (<see cref="SmapsBreakdown"/>), and the same snapshot after a forced full compacting
/// collection (the live data the process keeps between calls, plus the recorder's own). The recorder perturbs the
/// figures a little; build/steady-memory.sh takes its table from runs without it.
/// </remarks>
internal static class SteadyMemory
{
    private const string Prompt = "a red fox in the snow, golden hour";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(string client, Uri baseUrl, int calls, bool detail)
    {
        using var recorder = detail ? new LoadRecorder() : null;
        var ok = client == "sdk" ? await RunSdkAsync(baseUrl, calls, recorder) : await RunRawAsync(baseUrl, calls, recorder);
        return ok ? 0 : 1;
    }

    private static async Task<bool> RunSdkAsync(Uri baseUrl, int calls, LoadRecorder? recorder)
    {
        var services = new ServiceCollection();
        services.AddModalClient(o => o.BaseUrl = baseUrl);
        await using var provider = services.BuildServiceProvider();
        var flux = provider.GetRequiredService<IModalClient>().Flux;
        var ok = true;
        for (var i = 0; i < calls; i++)
        {
            ok &= await SdkCallAsync(flux) > 8;
        }

        Report("sdk", calls, recorder);
        GC.KeepAlive(flux);
        return ok;
    }

    /// <summary>One call whose result is dropped when it returns (the loop's state machine holds no result).</summary>
    internal static async Task<int> SdkCallAsync(IFluxClient flux)
    {
        var image = await flux.SchnellAsync(new FluxSchnellRequest { Prompt = Prompt, Seed = 42 });
        return image.Content.Length;
    }

    private static async Task<bool> RunRawAsync(Uri baseUrl, int calls, LoadRecorder? recorder)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var url = new Uri(baseUrl, "flux");
        var ok = true;
        for (var i = 0; i < calls; i++)
        {
            ok &= await RawCallAsync(http, url) > 8;
        }

        Report("raw", calls, recorder);
        GC.KeepAlive(http);
        return ok;
    }

    /// <summary>The raw limit's call, as the cold-start <c>raw</c> mode but reading from the headers on (no buffering).</summary>
    internal static async Task<int> RawCallAsync(HttpClient http, Uri url)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new RawFlux { Prompt = Prompt, Seed = 42 }, RawJson.Default.RawFlux));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)(response.Content.Headers.ContentLength ?? 0)));
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            await stream.ReadExactlyAsync(bytes);
        }

        return bytes.Length;
    }

    /// <summary>Prints the snapshot while the client is still alive, as it would be in a running application.</summary>
    private static void Report(string client, int calls, LoadRecorder? recorder)
    {
        var snapshot = MemorySnapshot.Take();
        Console.WriteLine($"client={client} calls={calls} {snapshot}");
        if (recorder is null)
        {
            return;
        }

        recorder.Dispose();
        foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"assembly {name}");
        }

        recorder.Print(Console.Out);
        SmapsBreakdown.Print(Console.Out);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Console.WriteLine($"after a full compacting collection: {MemorySnapshot.Take()}");
    }
}
