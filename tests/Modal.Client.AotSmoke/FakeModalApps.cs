using System.Text.Json;

namespace Modal.Client.AotSmoke;

/// <summary>How the fake apps answer each route, as the real ones do (wrong labels, 303 result URLs, E1/E2 errors).</summary>
internal static class FakeModalApps
{
    /// <summary>The function call id of the one call that is answered through a result URL.</summary>
    public const string ResultCallId = "fc-01SMOKE303RESULT";

    public const string E1Detail = "width and height must be multiples of 8";

    public const string E2Error = "CUDA out of memory. Tried to allocate 2.00 GiB";

    public const string E2Traceback = "Traceback (most recent call last):\n  File \"/root/app.py\", line 412, in qwen_image\n    run_workflow(graph)\nRuntimeError: CUDA out of memory";

    public static FakeAnswer Answer(LoopbackModalFake fake, FakeExchange exchange) => (exchange.Method, exchange.Path) switch
    {
        // ryla-flux: PNG bytes under an image/jpeg label.
        ("POST", "/flux") => FakeAnswer.Media("image/jpeg", SmokeMedia.Png(Int(exchange, "width") ?? 1024, Int(exchange, "height") ?? 1024)),

        // ryla-wan26: an animated WebP.
        ("POST", "/wan2.6") => FakeAnswer.Media("image/webp", SmokeMedia.AnimatedWebP(Int(exchange, "width") ?? 832, Int(exchange, "height") ?? 480)),

        // ryla-qwen-image: an MP4, only for data-URL inputs of the right types.
        ("POST", "/video-faceswap") => FaceSwap(exchange),

        // ryla-z-image: a call that outlives Modal's 150 s limit answers 303 to its result URL, which GET then reads.
        ("POST", "/z-image-danrisi") => FakeAnswer.SeeOther(
            new Uri(fake.BaseUrl, $"z-image-danrisi?__modal_function_call_id={ResultCallId}"), ResultCallId),
        ("GET", "/z-image-danrisi") when exchange.PathAndQuery.EndsWith(ResultCallId, StringComparison.Ordinal)
            => FakeAnswer.Media("image/jpeg", SmokeMedia.Png(1024, 1024)),

        // E1: FastAPI's HTTPException body.
        ("POST", "/flux-dev") => FakeAnswer.Json(400, $$"""{"detail":"{{E1Detail}}"}"""),

        // E2: the app handler's error body with the Python traceback.
        ("POST", "/qwen-image-2512") => FakeAnswer.Json(500, E2Body()),

        // A missing LoRA file, and a route the app does not serve.
        ("POST", "/flux-dev-lora") => FakeAnswer.Json(404, """{"detail":"LoRA not found: flux-character-missing.safetensors"}"""),
        _ => FakeAnswer.Json(404, """{"detail":"Not Found"}"""),
    };

    private static FakeAnswer FaceSwap(FakeExchange exchange)
    {
        using var body = JsonDocument.Parse(exchange.Body);
        var root = body.RootElement;
        var video = root.TryGetProperty("source_video", out var v) ? v.GetString() : null;
        var face = root.TryGetProperty("reference_image", out var f) ? f.GetString() : null;
        return video?.StartsWith("data:video/mp4;base64,", StringComparison.Ordinal) == true
            && face?.StartsWith("data:image/png;base64,", StringComparison.Ordinal) == true
            ? FakeAnswer.Media("video/mp4", SmokeMedia.Mp4(200_000))
            : FakeAnswer.Json(400, """{"detail":"source_video and reference_image must be data URLs"}""");
    }

    private static string E2Body()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", E2Error);
            writer.WriteString("details", E2Traceback);
            writer.WriteString("type", "RuntimeError");
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int? Int(FakeExchange exchange, string name)
    {
        using var body = JsonDocument.Parse(exchange.Body);
        return body.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : null;
    }
}
