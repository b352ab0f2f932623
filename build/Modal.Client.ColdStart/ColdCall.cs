using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;

namespace Modal.Client.ColdStart;

/// <summary>
/// The one call of <c>sdk|raw &lt;url&gt;</c>: what an application builds, then one POST /flux; returns the length of the
/// answer. Each client is its own method, so that a raw process never loads the SDK's assemblies.
/// </summary>
internal static class ColdCall
{
    private const string Prompt = "a red fox in the snow, golden hour";

    /// <summary>AddModalClient + Flux.SchnellAsync. <c>MODAL_COLD_START_TRACE=1</c> prints the time of each step.</summary>
    public static async Task<int> SdkAsync(Uri baseUrl)
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

        return image.Content.Length;
    }

    /// <summary>The raw limit: one HttpClient, a source-generated System.Text.Json body, one presized read.</summary>
    public static async Task<int> RawAsync(Uri baseUrl)
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
        return bytes.Length;
    }
}
