// The Native AOT smoke app (issue #6). build/aot-smoke.sh publishes it with PublishAot=true (zero trim/AOT warnings
// allowed) and runs the native binary with --require-native. It starts its own loopback fake, calls several endpoints
// through AddModalClient and checks what came back: sniffed formats, seeds, a 303 result-URL hop, streamed inputs and
// results, the typed exceptions of the E1/E2 error bodies, and Modal.Client.Extensions.AI's IImageGenerator.
using System.Drawing;
using System.Runtime;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;
using Modal.Client.AotSmoke;

var requireNative = args.Contains("--require-native");
var checks = new SmokeChecks();
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = deadline.Token;

await using var fake = new LoopbackModalFake(FakeModalApps.Answer);
var services = new ServiceCollection();
services.AddModalClient(o =>
{
    o.BaseUrl = fake.BaseUrl;
    o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
});
await using var provider = services.BuildServiceProvider();
var modal = provider.GetRequiredService<IModalClient>();
// PublishAot=true turns IsDynamicCodeSupported off even under the JIT; a native binary has compiled no method at run time.
var native = JitInfo.GetCompiledMethodCount() == 0;
Console.WriteLine($"AOT smoke: running {(native ? "as Native AOT code" : "under the JIT")} against the loopback fake at {fake.BaseUrl}");
if (requireNative)
{
    checks.That(native, "the binary runs as Native AOT code (the JIT compiled no method)");
}

try
{
    await RunAsync();
}
#pragma warning disable CA1031 // Any escaped exception is a smoke failure, reported with its type.
catch (Exception ex)
#pragma warning restore CA1031
{
    checks.That(false, $"unexpected {ex.GetType().Name}: {ex.Message}");
}

var chunked = fake.Received.Where(r => r.Method == "POST" && r.Framing != RequestFraming.ContentLength).Select(r => r.Path).Distinct().ToList();
checks.That(chunked.Count == 0, $"every request body carries a Content-Length, never chunked framing (chunked: {string.Join(", ", chunked)})");
checks.That(fake.Faults.IsEmpty, $"the fake parsed every request ({string.Join("; ", fake.Faults)})");
if (checks.Failures.Count > 0)
{
    Console.WriteLine($"AOT smoke: {checks.Failures.Count} of {checks.Count} checks FAILED");
    return 1;
}

Console.WriteLine($"AOT smoke: {checks.Count} checks passed");
return 0;

async Task RunAsync()
{
    // /flux with a seed: PNG bytes under an image/jpeg label, the size read from IHDR, unset members omitted.
    var fox = await modal.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a red fox in the snow", Width = 512, Height = 768, Seed = 7 }, cancellationToken: ct);
    checks.Equal(MediaFormat.Png, fox.Format, "/flux: format sniffed from the bytes");
    checks.Equal("image/png", fox.MediaType, "/flux: real media type");
    checks.Equal(".png", fox.FileExtension, "/flux: file extension");
    checks.Equal("image/jpeg", fox.ServerContentType, "/flux: the server's label is kept");
    checks.Equal<long?>(7, fox.Seed, "/flux: the caller's seed is reported");
    checks.Equal<int?>(512, fox.Width, "/flux: width from the PNG header");
    checks.Equal<int?>(768, fox.Height, "/flux: height from the PNG header");
    checks.Equal("/flux", fox.Endpoint.Path, "/flux: endpoint");
    checks.Equal(ModalCostSource.Estimated, fox.Cost.Source, "/flux: cost estimated without x-cost-usd");
    using (var sent = LastJson("POST", "/flux"))
    {
        var root = sent.RootElement;
        checks.Equal("a red fox in the snow", root.GetProperty("prompt").GetString(), "/flux: prompt on the wire");
        checks.Equal(7L, root.GetProperty("seed").GetInt64(), "/flux: seed on the wire");
        checks.Equal(512, root.GetProperty("width").GetInt32(), "/flux: snake_case width on the wire");
        checks.That(!root.TryGetProperty("negative_prompt", out _), "/flux: an unset member is omitted, not sent");
        checks.That(root.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.Null), "/flux: no explicit null on the wire");
    }

    // /flux without a seed: the SDK picks one, sends it and reports it.
    var random = await modal.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox at dawn" }, cancellationToken: ct);
    using (var sent = LastJson("POST", "/flux"))
    {
        checks.That(random.Seed is not null, "/flux: a random seed is chosen when none is set");
        checks.Equal(random.Seed, sent.RootElement.GetProperty("seed").GetInt64(), "/flux: the random seed reported is the one sent");
    }

    // /wan2.6: an animated WebP, not an MP4.
    var clip = await modal.Video.Wan26Async(new Wan26Request { Prompt = "waves at night", FrameCount = 33 }, cancellationToken: ct);
    checks.Equal(MediaFormat.AnimatedWebP, clip.Format, "/wan2.6: animated WebP sniffed");
    checks.That(clip.IsAnimatedWebP, "/wan2.6: IsAnimatedWebP");
    checks.Equal("image/webp", clip.MediaType, "/wan2.6: media type");
    using (var sent = LastJson("POST", "/wan2.6"))
    {
        checks.Equal(33, sent.RootElement.GetProperty("length").GetInt32(), "/wan2.6: length on the wire");
        checks.Equal(clip.Seed, sent.RootElement.GetProperty("seed").GetInt64(), "/wan2.6: the seed reported is the one sent");
    }

    // /video-faceswap: media inputs streamed as data URLs, an MP4 back.
    var source = SmokeMedia.Mp4(150_000);
    var face = SmokeMedia.Png(64, 64);
    var swapRequest = new VideoFaceSwapRequest { SourceVideo = ModalMedia.FromBytes(source), ReferenceImage = ModalMedia.FromBytes(face) };
    var swapped = await modal.Video.FaceSwapAsync(swapRequest, cancellationToken: ct);
    checks.Equal(MediaFormat.Mp4, swapped.Format, "/video-faceswap: MP4 sniffed");
    checks.Equal(".mp4", swapped.FileExtension, "/video-faceswap: file extension");
    checks.Equal<long?>(null, swapped.Seed, "/video-faceswap: no seed");
    checks.Equal(200_040L, swapped.Length, "/video-faceswap: length");
    using (var sent = LastJson("POST", "/video-faceswap"))
    {
        var video = sent.RootElement.GetProperty("source_video").GetString() ?? string.Empty;
        const string prefix = "data:video/mp4;base64,";
        checks.That(video.StartsWith(prefix, StringComparison.Ordinal)
            && Convert.FromBase64String(video[prefix.Length..]).AsSpan().SequenceEqual(source), "/video-faceswap: the source video arrives intact as a data URL");
    }

    // The same call streamed to a file (ModalCallOptions.ResultFile), then saved and read back.
    var directory = Directory.CreateTempSubdirectory("modal-aot-smoke-");
    try
    {
        var target = Path.Combine(directory.FullName, "swapped.mp4");
        GeneratedVideo streamed;
        streamed = await modal.Video.FaceSwapAsync(swapRequest, new ModalCallOptions { ResultFile = target }, cancellationToken: ct);

        checks.Equal(target, streamed.FilePath, "ResultFile: FilePath names the file");
        checks.Equal(200_040L, File.Exists(target) ? new FileInfo(target).Length : -1, "ResultFile: the whole body is on disk");
        checks.Equal(MediaFormat.Mp4, streamed.Format, "ResultFile: format sniffed from the file's head");
        var copy = Path.Combine(directory.FullName, "copy.mp4");
        await streamed.SaveAsync(copy, ct);
        checks.That(File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(target)), "ResultFile: SaveAsync copies the file");
        checks.Equal(0, directory.GetFiles(".*.partial").Length, "ResultFile: no partial file left behind");
    }
    finally
    {
        directory.Delete(recursive: true);
    }

    // A call past Modal's 150 s limit: 303 to the result URL, one GET, never a second POST.
    var late = await modal.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "a fox", Seed = 42 }, cancellationToken: ct);
    checks.Equal(1, late.ResultUrlPolls, "303: one result-URL poll");
    checks.Equal(FakeModalApps.ResultCallId, late.CallId, "303: Modal's call id");
    checks.Equal(MediaFormat.Png, late.Format, "303: the result's format");
    checks.Equal(1, fake.Received.Count(r => r is { Method: "POST", Path: "/z-image-danrisi" }), "303: the POST is never re-sent");
    checks.Equal(1, fake.Received.Count(r => r is { Method: "GET", Path: "/z-image-danrisi" }), "303: the result URL is fetched with GET");

    // E1: {"detail"} from FastAPI's HTTPException.
    await checks.ThrowsAsync<ModalApiException>("E1: ModalApiException", () => modal.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox" }, cancellationToken: ct), ex =>
    {
        checks.Equal<int?>(400, ex.StatusCode, "E1: status code");
        checks.Equal(FakeModalApps.E1Detail, ex.ServerMessage, "E1: server message");
        checks.Equal("HTTPException", ex.ServerErrorType, "E1: error type");
        checks.That(!ex.GpuWorkMayHaveRun, "E1: a 400 ran no GPU work");
        checks.Equal("/flux-dev", ex.Endpoint?.Path, "E1: endpoint");
    });

    // E2: {"error","details","type"} with the traceback kept out of Message.
    await checks.ThrowsAsync<ModalApiException>("E2: ModalApiException", () => modal.Qwen.Image2512Async(new QwenImage2512Request { Prompt = "a harbour" }, cancellationToken: ct), ex =>
    {
        checks.Equal<int?>(500, ex.StatusCode, "E2: status code");
        checks.Equal(FakeModalApps.E2Error, ex.ServerMessage, "E2: server message");
        checks.Equal("RuntimeError", ex.ServerErrorType, "E2: error type");
        checks.Equal(FakeModalApps.E2Traceback, ex.ServerTraceback, "E2: traceback kept");
        checks.That(!ex.Message.Contains("Traceback", StringComparison.Ordinal), "E2: traceback not in Message");
        checks.That(ex.GpuWorkMayHaveRun, "E2: a workflow failure may have run GPU work");
    });

    // 404s: a missing LoRA file and a route the app does not serve.
    await checks.ThrowsAsync<ModalLoraNotFoundException>(
        "404 LoRA: ModalLoraNotFoundException",
        () => modal.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ByName("flux-character-missing"), Prompt = "portrait" }, cancellationToken: ct),
        ex => checks.Equal("flux-character-missing.safetensors", ex.LoraFile, "404 LoRA: the file name"));
    await checks.ThrowsAsync<ModalEndpointNotDeployedException>(
        "404 Not Found: ModalEndpointNotDeployedException",
        () => modal.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "a fox" }, cancellationToken: ct),
        ex => checks.That(ex.Alternative is not null, "404 Not Found: names an alternative"));

    // Modal.Client.Extensions.AI: two /flux calls with consecutive seeds behind Microsoft.Extensions.AI's IImageGenerator.
    using var generator = modal.AsIImageGenerator("/flux");
    var generated = await generator.GenerateAsync(
        new ImageGenerationRequest("a red fox"),
        new ImageGenerationOptions { ImageSize = new Size(320, 192), Count = 2, AdditionalProperties = new() { ["seed"] = 7, ["steps"] = "6" } },
        ct);
    checks.Equal(2, generated.Contents.Count, "IImageGenerator: one content per image");
    for (var i = 0; i < generated.Contents.Count; i++)
    {
        var content = generated.Contents[i] as DataContent;
        checks.Equal("image/png", content?.MediaType, $"IImageGenerator: image {i} has the sniffed media type");
        checks.Equal<object?>(7L + i, content?.AdditionalProperties?[ModalImageContentKeys.Seed], $"IImageGenerator: image {i} has seed {7 + i}");
        checks.Equal<object?>(320, content?.AdditionalProperties?[ModalImageContentKeys.Width], $"IImageGenerator: image {i} width from the PNG header");
        checks.That(content?.RawRepresentation is GeneratedImage, $"IImageGenerator: image {i} carries the GeneratedImage");
    }

    var sentSeeds = fake.Received.Where(r => r is { Method: "POST", Path: "/flux" }).TakeLast(2).Select(r =>
    {
        using var body = JsonDocument.Parse(r.Body);
        checks.Equal(6, body.RootElement.GetProperty("steps").GetInt32(), "IImageGenerator: steps from AdditionalProperties on the wire");
        return body.RootElement.GetProperty("seed").GetInt64();
    }).Order().ToList();
    checks.That(sentSeeds.SequenceEqual([7L, 8L]), $"IImageGenerator: seeds 7 and 8 on the wire (sent {string.Join(", ", sentSeeds)})");
    checks.Equal("modal", generator.GetService<ImageGeneratorMetadata>()?.ProviderName, "IImageGenerator: metadata names modal");
    await checks.ThrowsAsync<ArgumentException>(
        "IImageGenerator: a video model id is refused",
        () => generator.GenerateAsync(new ImageGenerationRequest("waves"), new ImageGenerationOptions { ModelId = "/wan2.6" }, ct),
        ex => checks.Equal("ImageGenerationOptions.ModelId", ex.ParamName, "IImageGenerator: ParamName is the option"));

    // Bad input never reaches the network.
    var before = fake.Received.Count;
    await checks.ThrowsAsync<ArgumentException>(
        "validation: ArgumentException",
        () => modal.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", Width = 3 }, cancellationToken: ct),
        ex => checks.Equal("FluxSchnellRequest.Width", ex.ParamName, "validation: ParamName is the property path"));
    checks.Equal(before, fake.Received.Count, "validation: nothing was sent");
}

JsonDocument LastJson(string method, string path) =>
    JsonDocument.Parse(fake.Received.Last(r => r.Method == method && r.Path == path).Body);
