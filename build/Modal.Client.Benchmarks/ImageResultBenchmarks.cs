using BenchmarkDotNet.Attributes;

namespace Modal.Client.Benchmarks;

/// <summary>
/// Per-call overhead of the SDK for an image result: <c>Flux.SchnellAsync</c> against the raw limit of issue 18 (a
/// hand-written HttpClient, a source-generated System.Text.Json body and one read into an array sized from
/// Content-Length), for the 1.3 MiB PNG the real /flux returns and for a 16 KiB image, where the transfer no longer hides
/// the fixed cost of a call. The targets: time per call at most 1.10x (16 KiB) and 1.15x (1.3 MiB) the raw limit,
/// allocations at most raw + 4 KB. Each benchmark is first warmed until the JIT is quiet (<see cref="JitQuiet"/>). The naive <c>ReadAsByteArrayAsync</c> client is shown for reference.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class ImageResultBenchmarks
{
    private const string Prompt = "a red fox in the snow, golden hour";

    private SdkClient _sdk = null!;
    private RawClient _raw = null!;
    private Uri _rawUrl = null!;

    [Params("1.3 MiB", "16 KiB")]
    public string Result { get; set; } = "1.3 MiB";

    [GlobalSetup(Target = nameof(Raw_PostJson_ReadAsByteArray))]
    public async Task SetupRawReadAsByteArray()
    {
        Setup();
        await JitQuiet.WarmUpAsync(Raw_PostJson_ReadAsByteArray);
    }

    [GlobalSetup(Target = nameof(Raw_PostJson_ReadPresized))]
    public async Task SetupRawPresized()
    {
        Setup();
        await JitQuiet.WarmUpAsync(Raw_PostJson_ReadPresized);
    }

    [GlobalSetup(Target = nameof(Sdk_Flux_SchnellAsync))]
    public async Task SetupSdk()
    {
        Setup();
        await JitQuiet.WarmUpAsync(Sdk_Flux_SchnellAsync);
    }

    private void Setup()
    {
        var prefix = Result == "16 KiB" ? LoopbackServer.SmallImagePrefix : LoopbackServer.ImagePrefix;
        var server = ServerProcess.Current;
        _sdk = new SdkClient(new Uri(server, prefix));
        _raw = new RawClient();
        _rawUrl = new Uri(server, prefix + "flux");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _raw.Dispose();
    }

    /// <summary>Not the limit: the obvious hand-written read (it copies the body twice), for reference.</summary>
    [Benchmark]
    public Task<byte[]> Raw_PostJson_ReadAsByteArray() =>
        _raw.PostForBytesAsync(_rawUrl, new RawFluxRequest { Prompt = Prompt, Seed = Random.Shared.NextInt64(0, int.MaxValue) }, RawJsonContext.Default.RawFluxRequest);

    /// <summary>The raw limit (issue 18's baseline): one presized read.</summary>
    [Benchmark(Baseline = true)]
    public Task<byte[]> Raw_PostJson_ReadPresized() =>
        _raw.PostForBytesPresizedAsync(_rawUrl, new RawFluxRequest { Prompt = Prompt, Seed = Random.Shared.NextInt64(0, int.MaxValue) }, RawJsonContext.Default.RawFluxRequest);

    [Benchmark]
    public Task<GeneratedImage> Sdk_Flux_SchnellAsync() => _sdk.Modal.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = Prompt });
}
