using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing.Internal;

/// <summary>
/// What each handler does with a request body (contract §3.1–3.21): the checks that reject it before any GPU work,
/// the values that break the ComfyUI graph, and the output it returns.
/// </summary>
internal static class EndpointRules
{
    /// <summary>The fake's memory guard: larger outputs fail like a GPU out-of-memory would.</summary>
    public const long MaxPixels = 4096L * 4096L;

    private const string DefaultQwenPrompt = "A beautiful woman";
    private const ulong SeedVr2DefaultSeed = 4105349922;

    private static readonly Dictionary<string, (int Width, int Height)> QwenAspectRatios = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1328, 1328),
        ["16:9"] = (1664, 928),
        ["9:16"] = (928, 1664),
        ["4:3"] = (1472, 1104),
        ["3:4"] = (1104, 1472),
        ["3:2"] = (1584, 1056),
        ["2:3"] = (1056, 1584),
    };

    private static readonly string[] SdxlCheckpoints =
    [
        "sd_xl_base_1.0.safetensors",
        "RealVisXL_V4.0.safetensors",
        "Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors",
        "intorealism-xl.safetensors",
    ];

    /// <summary>The face providers each face node accepts (ComfyUI list inputs).</summary>
    private static readonly string[] InstantIdProviders = ["CPU", "CUDA", "ROCM", "CoreML"];

    private static readonly string[] XlabsProviders = ["CPU", "GPU"];

    /// <param name="spec">The endpoint.</param>
    /// <param name="body">The request body as sent.</param>
    /// <param name="loras">The LoRA files on the fake volume.</param>
    /// <param name="enforceNodeLimits">Whether inputs past the real nodes' limits fail (<see cref="FakeModalDeploymentOptions.EnforceNodeLimits"/>).</param>
    public static Evaluation Evaluate(EndpointSpec spec, string body, LoraCatalog loras, bool enforceNodeLimits = true)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Evaluation.Reject(new AppError("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)"));
        }
        catch (ArgumentException)
        {
            // Duplicate property names: Python keeps the last one; the fake refuses to guess.
            return Evaluation.Reject(new AppError("JSONDecodeError", "Duplicate keys are not supported by the fake"));
        }

        if (parsed is not JsonObject json)
        {
            return Evaluation.Reject(AppError.Attribute($"'{PythonValues.TypeName(parsed)}' object has no attribute 'get'"));
        }

        var fields = new RequestFields(json, enforceNodeLimits);
        return spec.Path switch
        {
            ModalEndpointPaths.FluxSchnell => Flux(spec, fields, steps: 4, lora: null),
            ModalEndpointPaths.FluxDev => Flux(spec, fields, steps: 20, lora: null),
            ModalEndpointPaths.FluxDevLora => WithLora(spec, fields, loras, "character-", null, "Train it first using the LoRA training endpoint.", f => Flux(spec, fields, steps: 20, lora: f)),
            ModalEndpointPaths.SdxlTurbo or ModalEndpointPaths.SdxlLightning => LegacySdxl(spec, fields),
            ModalEndpointPaths.QwenImage2512 => Qwen(spec, fields, steps: 50, cfg: 4.0, lora: null),
            ModalEndpointPaths.QwenImage2512Fast => Qwen(spec, fields, steps: 4, cfg: 1.0, lora: null),
            ModalEndpointPaths.QwenImage2512Lora => WithLora(spec, fields, loras, "qwen-character-", "character-", "Train a Qwen LoRA using /ryla-qwen-lora-training or upload to /root/models/qwen-loras/", f => Qwen(spec, fields, steps: 50, cfg: 4.0, lora: f)),
            ModalEndpointPaths.ZImageSimple => ZImage(spec, fields, steps: 4),
            ModalEndpointPaths.ZImageDanrisi => ZImage(spec, fields, steps: 8),
            ModalEndpointPaths.ZImageLora => WithLora(spec, fields, loras, "character-", null, "Upload to /root/models/loras/", f => ZImageLora(spec, fields, f)),
            ModalEndpointPaths.SdxlInstantId => SdxlInstantId(spec, fields),
            ModalEndpointPaths.FluxPulid => FluxPulid(spec, fields),
            ModalEndpointPaths.FluxIpAdapterFaceId => FluxIpAdapter(spec, fields),
            ModalEndpointPaths.Wan26 => Wan(spec, fields, lora: null, referenceVideos: false),
            ModalEndpointPaths.Wan26R2V => Wan(spec, fields, lora: null, referenceVideos: true),
            ModalEndpointPaths.Wan26Lora => WithLora(spec, fields, loras, "wan-character-", "character-", "Train a Wan LoRA using ryla-wan-lora-training or upload to /root/models/wan-loras/", f => Wan(spec, fields, f, referenceVideos: false)),
            ModalEndpointPaths.VideoFaceSwap => VideoFaceSwap(spec, fields),
            ModalEndpointPaths.SeedVr2 => SeedVr2(spec, fields),
            ModalEndpointPaths.QwenImageEdit => QwenEdit(spec, fields),
            ModalEndpointPaths.QwenImageInpaint => QwenInpaint(spec, fields),
            _ => throw new InvalidOperationException($"No rules for '{spec.Path}'."),
        };
    }

    /// <summary>The error a scripted workflow failure ends with on <paramref name="spec"/>'s route.</summary>
    public static AppError ScriptedFailure(EndpointSpec spec) => spec.Style switch
    {
        ErrorStyle.RouteTryExcept => new AppError(
            "Exception",
            "Both API and infer methods failed.\nAPI Error: ComfyUI returned HTTP 503 (scripted fake failure)\nInfer Error: Workflow execution failed (exit code 1)"),
        ErrorStyle.SeedVr2 => new AppError(
            "Exception",
            "SeedVR2 execution failed (API: Workflow execution failed (exit code 1), Infer: Workflow execution failed (exit code 1))"),
        _ when spec.Path == ModalEndpointPaths.VideoFaceSwap => new AppError("Exception", "Video processing timed out after 10 minutes"),
        _ => new AppError("Exception", "Workflow execution failed (exit code 1)\nStdout: scripted fake failure"),
    };

    /// <summary>
    /// The error a graph that ComfyUI refuses (validation) or that fails while running ends with. With the refusing
    /// <paramref name="node"/> known, the text is the real one: ComfyUI's node errors as the handler quotes them, after
    /// the <c>comfy run</c> fallback failed too on the routes that have it (<see cref="ComfyValidation"/>).
    /// </summary>
    public static AppError GraphFailure(EndpointSpec spec, string reason, bool atRuntime, ComfyNode? node = null)
    {
        if (node is not null && !atRuntime)
        {
            var queued = ComfyValidation.QueueFailure(node, reason);
            var run = ComfyValidation.RunFailure(node, reason);
            return spec.Style switch
            {
                ErrorStyle.RouteTryExcept => new AppError("Exception", $"Both API and infer methods failed.\nAPI Error: {queued}\nInfer Error: {run}"),
                ErrorStyle.SeedVr2 => new AppError("Exception", $"SeedVR2 execution failed (API: {queued}, Infer: {run})"),

                // /flux-pulid calls execute_workflow_via_api without a fallback; /video-faceswap queues the graph itself.
                _ when spec.Path is ModalEndpointPaths.FluxPulid or ModalEndpointPaths.VideoFaceSwap => new AppError("Exception", queued),
                _ => new AppError("Exception", run),
            };
        }

        var api = atRuntime
            ? $"Workflow failed at node 3 (KSampler): {reason}"
            : $"Failed to queue workflow: HTTP 400 - Prompt outputs failed validation: {reason}";
        return spec.Style switch
        {
            ErrorStyle.RouteTryExcept => new AppError("Exception", $"Both API and infer methods failed.\nAPI Error: {api}\nInfer Error: Workflow execution failed (exit code 1)"),
            ErrorStyle.SeedVr2 => new AppError("Exception", $"SeedVR2 execution failed (API: {api}, Infer: Workflow execution failed (exit code 1))"),
            _ => new AppError("Exception", api),
        };
    }

    private static Evaluation Finish(EndpointSpec spec, RequestFields fields, Func<TimeSpan, FakeResponse> produce) =>
        fields.BrokenReason is { } reason
            ? Evaluation.Fail(GraphFailure(spec, reason, fields.BrokenAtRuntime, fields.BrokenNode))
            : Evaluation.Succeed(produce);

    // ---- Text to image -------------------------------------------------------------------------------------------

    private static Evaluation Flux(EndpointSpec spec, RequestFields f, int steps, string? lora)
    {
        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        var trigger = lora is null ? string.Empty : TriggerWord(f);
        if (lora is not null)
        {
            f.Number("lora_strength", 1.0);
        }

        f.Text("negative_prompt", string.Empty, emptyMeansDefault: true);
        var (width, height) = Size(f, 1024, 1024);
        f.Int("steps", steps, 1, 10000);
        f.Number("cfg", 1.0);
        var seed = f.Seed(42);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, lora, trigger)));
    }

    private static Evaluation LegacySdxl(EndpointSpec spec, RequestFields f)
    {
        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        f.Text("negative_prompt", string.Empty);
        var (width, height) = Size(f, 1024, 1024);
        if (spec.Path == ModalEndpointPaths.SdxlTurbo)
        {
            f.Int("steps", 4); // clamped to 1..4 by the handler
        }
        else
        {
            f.Number("cfg", 1.0); // steps forced to 4
        }

        var seed = f.Seed(42);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt)));
    }

    private static Evaluation Qwen(EndpointSpec spec, RequestFields f, int steps, double cfg, string? lora)
    {
        var prompt = f.Text("prompt", DefaultQwenPrompt);
        var trigger = lora is null ? string.Empty : TriggerWord(f);
        if (lora is not null)
        {
            f.Number("lora_strength", 1.0);
        }

        var (width, height) = Size(f, 1328, 1328);
        if (PythonValues.IsString(f.Raw("aspect_ratio"), out var ratio) && QwenAspectRatios.TryGetValue(ratio, out var preset))
        {
            (width, height) = preset;
        }

        f.Int("steps", steps, 1, 10000);
        f.Number("cfg", cfg);
        var seed = f.Seed(null, nullMeansRandom: true);
        f.Text("negative_prompt", string.Empty, emptyMeansDefault: true);
        f.Flag("use_lightning_lora", false);
        CheckPixels(f, width, height);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, lora, trigger)));
    }

    private static Evaluation ZImage(EndpointSpec spec, RequestFields f, int steps)
    {
        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        var (width, height) = Size(f, 1024, 1024);
        f.NodeIntRange(ComfyNode.ZImageSampler, "width", f.Side("width", 1024), min: 256);
        f.NodeIntRange(ComfyNode.ZImageSampler, "height", f.Side("height", 1024), min: 256);
        f.NodeIntRange(ComfyNode.ZImageSampler, "steps", f.Int("steps", steps, 1, 10000), max: 100);
        f.NodeFloatRange(ComfyNode.ZImageSampler, "guidance_scale", f.Number("cfg", 0.0), max: 20.0);
        var seed = f.Seed(42);
        f.Text("negative_prompt", string.Empty);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt)));
    }

    private static Evaluation ZImageLora(EndpointSpec spec, RequestFields f, string lora)
    {
        if (!f.Truthy("prompt"))
        {
            return Evaluation.Reject(AppError.Http(400, "prompt is required"));
        }

        var prompt = PythonValues.Str(f.Raw("prompt"));
        f.Number("lora_strength", 1.0);
        var trigger = TriggerWord(f);
        var (width, height) = Size(f, 1024, 1024);
        f.Int("steps", 9, 1, 10000);
        f.Number("cfg", 1.0);
        var seed = f.Seed(null, nullMeansRandom: true);
        f.Text("negative_prompt", string.Empty);
        var nsfw = f.Flag("nsfw", false);
        return Finish(spec, f, _ =>
            Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, lora, trigger))
                .WithHeader("x-nsfw-mode", nsfw ? "true" : "false"));
    }

    // ---- Face consistency ----------------------------------------------------------------------------------------

    private static Evaluation SdxlInstantId(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("reference_image"))
        {
            return Evaluation.Reject(AppError.Http(400, "reference_image is required"));
        }

        if (DataUrlImage(f.Raw("reference_image"), out var reference) is { } decodeError)
        {
            return Evaluation.Reject(decodeError);
        }

        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        f.Text("negative_prompt", string.Empty);
        var checkpoint = f.Text("sdxl_checkpoint", SdxlCheckpoints[0]);
        f.Number("instantid_strength", 0.8);
        f.NodeChoice(ComfyNode.InstantIdFaceAnalysis, "provider", f.Text("face_provider", "CPU"), InstantIdProviders);
        var (width, height) = Size(f, 1024, 1024);
        f.Int("steps", 20, 1, 10000);
        f.Number("cfg", 7.0);
        f.Text("sampler_name", "euler");
        f.Text("scheduler", "normal");
        var seed = f.Seed(42);
        if (reference is null)
        {
            f.Break(InvalidImageFile(f.Raw("reference_image")));
        }

        if (!SdxlCheckpoints.Contains(checkpoint, StringComparer.Ordinal))
        {
            f.Break($"Value not in list: ckpt_name: '{checkpoint}' not in [{string.Join(", ", SdxlCheckpoints.Select(c => $"'{c}'"))}]");
        }

        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, checkpoint, Fingerprint(reference))));
    }

    private static Evaluation FluxPulid(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("reference_image"))
        {
            return Evaluation.Reject(AppError.Http(400, "reference_image is required for PuLID Flux"));
        }

        if (DataUrlImage(f.Raw("reference_image"), out var reference) is { } decodeError)
        {
            return Evaluation.Reject(decodeError);
        }

        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        f.Number("pulid_weight", 0.9);
        f.Number("start_at", 0.0);
        f.Number("end_at", 1.0);
        f.Number("guidance", 3.5);
        var (width, height) = Size(f, 1024, 1024);
        f.Int("steps", 20, 1, 10000);
        var seed = f.Seed(null, randomBelow: 1UL << 31);
        if (reference is null)
        {
            f.Break(InvalidImageFile(f.Raw("reference_image")));
        }

        return Finish(spec, f, duration =>
        {
            // The only route whose cost headers survive (contract X.3): server time x the L40S price.
            var seconds = duration > TimeSpan.Zero ? duration.TotalSeconds : 12.593;
            var cost = Math.Round(seconds * (double)ModalCatalog.GpuPriceUsdPerSecond, 6, MidpointRounding.ToZero);
            return Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, Fingerprint(reference)))
                .WithHeader("x-cost-usd", cost.ToString("F6", CultureInfo.InvariantCulture))
                .WithHeader("x-execution-time-sec", seconds.ToString("F3", CultureInfo.InvariantCulture))
                .WithHeader("x-gpu-type", "L40S");
        });
    }

    private static Evaluation FluxIpAdapter(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("reference_image"))
        {
            return Evaluation.Reject(AppError.Http(400, "reference_image is required"));
        }

        if (DataUrlImage(f.Raw("reference_image"), out var reference) is { } decodeError)
        {
            return Evaluation.Reject(decodeError);
        }

        if (!f.Contains("prompt"))
        {
            return Evaluation.Reject(AppError.KeyError("prompt"));
        }

        var prompt = f.Text("prompt", string.Empty);
        f.Text("negative_prompt", string.Empty, emptyMeansDefault: true);
        f.NodeFloatRange(ComfyNode.ApplyFluxIpAdapter, "ip_scale", f.Number("ipadapter_strength", 0.8), max: 1.0);
        f.Number("guidance_scale", 3.5);
        f.NodeIntRange(ComfyNode.XlabsSampler, "timestep_to_start_cfg", f.Int("timestep_to_start_cfg", 1), max: 100);
        f.NodeChoice(ComfyNode.LoadFluxIpAdapter, "provider", f.Text("face_provider", "CPU"), XlabsProviders);
        var (width, height) = Size(f, 1024, 1024);
        f.NodeIntRange(ComfyNode.XlabsSampler, "steps", f.Int("steps", 20, 1, 10000), max: 100);
        var seed = f.Seed(42);
        if (reference is null)
        {
            f.Break(InvalidImageFile(f.Raw("reference_image")));
        }

        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, prompt, Fingerprint(reference))));
    }

    // ---- Video ---------------------------------------------------------------------------------------------------

    private static Evaluation Wan(EndpointSpec spec, RequestFields f, string? lora, bool referenceVideos)
    {
        var trigger = string.Empty;
        if (lora is not null)
        {
            f.Number("lora_strength", 1.0);
            trigger = TriggerWord(f);
        }

        if (!f.Truthy("prompt"))
        {
            return Evaluation.Reject(AppError.Value("prompt is required"));
        }

        var prompt = PythonValues.Str(f.Raw("prompt"));
        var references = string.Empty;
        if (referenceVideos)
        {
            if (f.Raw("reference_videos") is not JsonArray videos || videos.Count == 0)
            {
                return Evaluation.Reject(AppError.Value("reference_videos is required (list of base64 video data URLs)"));
            }

            if (videos.Count > 3)
            {
                return Evaluation.Reject(AppError.Value("Maximum 3 reference videos supported for R2V"));
            }

            foreach (var video in videos)
            {
                if (Base64Media(video, out var bytes) is { } error)
                {
                    return Evaluation.Reject(error);
                }

                references += Fingerprint(bytes);
            }
        }

        var (width, height) = Size(f, 832, 480);
        var length = f.Int("length", 33, 1, 16384);
        var fps = f.Int("fps", 16, 1, 1000);
        f.Int("steps", 30, 1, 10000);
        f.Number("cfg", 6.0);
        var seed = f.Seed(null, nullMeansRandom: true);
        f.Text("negative_prompt", string.Empty);
        var frames = (int)(((length - 1) / 4 * 4) + 1);
        if (frames > 1000)
        {
            f.Break("torch.OutOfMemoryError: CUDA out of memory.", atRuntime: true);
        }

        return Finish(spec, f, _ => WebP(spec, width, height, Math.Max(2, frames), (int)(1000.0 / fps), MediaIdentity.Create(spec.Path, seed, prompt, lora, trigger, references)));
    }

    private static Evaluation VideoFaceSwap(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("source_video"))
        {
            return Evaluation.Reject(AppError.Http(400, "source_video is required (base64 data URL)"));
        }

        if (!f.Truthy("reference_image"))
        {
            return Evaluation.Reject(AppError.Http(400, "reference_image is required (base64 data URL)"));
        }

        if (Base64Media(f.Raw("source_video"), out var video) is { } videoError)
        {
            return Evaluation.Reject(videoError);
        }

        if (Base64Media(f.Raw("reference_image"), out var face) is { } faceError)
        {
            return Evaluation.Reject(faceError);
        }

        var fps = f.Int("fps", 30, 1, 1000);
        f.NodeFloatRange(ComfyNode.VhsLoadVideo, "force_rate", fps, max: 60.0);
        f.Flag("restore_face", true);
        f.NodeFloatRange(ComfyNode.ReActorFaceSwap, "face_restore_visibility", f.Number("face_restore_visibility", 1.0), min: 0.1);
        f.Number("codeformer_weight", 0.5);
        if (!ImageProbe.IsVideo(video) || !ImageProbe.IsImage(face))
        {
            // A graph that cannot load its inputs is only noticed by the handler's 10-minute poll limit.
            return Evaluation.Fail(new AppError("Exception", "Video processing timed out after 10 minutes"));
        }

        var identity = MediaIdentity.Create(spec.Path, null, null, Fingerprint(video), Fingerprint(face), fps.ToString(CultureInfo.InvariantCulture));
        return Finish(spec, f, _ => Echo(new FakeResponse(200, spec.ContentTypeLabel, Mp4Writer.Write(512, 512, 2000, identity, (int)fps)), identity));
    }

    // ---- Upscale and edit ----------------------------------------------------------------------------------------

    private static Evaluation SeedVr2(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("image"))
        {
            return Evaluation.Reject(AppError.Value("Missing 'image' field in request. Provide base64-encoded image."));
        }

        if (!PythonValues.IsString(f.Raw("image"), out var text))
        {
            return Evaluation.Reject(AppError.Attribute($"'{PythonValues.TypeName(f.Raw("image"))}' object has no attribute 'split'"));
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (!PythonValues.TryB64Decode(comma >= 0 ? text[(comma + 1)..] : text, out var image, out var b64Error))
        {
            return Evaluation.Reject(AppError.Value($"Invalid image format: {b64Error!.Message}"));
        }

        if (!ImageProbe.IsImage(image))
        {
            return Evaluation.Reject(AppError.Value($"Invalid image format: {AppError.NotAnImage().Message}"));
        }

        int resolution;
        var raw = f.Raw("resolution");
        if (!f.Contains("resolution") || (PythonValues.IsString(raw, out var word) && word == "fixed"))
        {
            resolution = 1080;
        }
        else if (raw is null)
        {
            return Evaluation.Reject(new AppError("TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"));
        }
        else if (!int.TryParse(PythonValues.Str(raw).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out resolution)
                 && !(raw.GetValueKind() == JsonValueKind.Number && TryTruncate(raw, out resolution)))
        {
            return Evaluation.Reject(AppError.Value($"invalid literal for int() with base 10: '{PythonValues.Str(raw)}'"));
        }

        if (resolution < 16)
        {
            f.Break(string.Create(CultureInfo.InvariantCulture, $"Value {resolution} smaller than min of 16: resolution"));
        }

        // max_resolution 0 means "no limit"; max_resolution_2 is read by the handler but no node input uses it.
        var maxResolution = (int)f.Int("max_resolution", 4000, 0, 16384);
        var seed = f.Seed(SeedVr2DefaultSeed);
        f.NodeIntRange(ComfyNode.SeedVr2VideoUpscaler, "seed", seed, max: uint.MaxValue);
        var (width, height) = UpscaledSize(image, Math.Max(resolution, 16), maxResolution);
        CheckPixels(f, width, height);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, null, Fingerprint(image))));
    }

    private static Evaluation QwenEdit(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("source_image"))
        {
            return Evaluation.Reject(AppError.Value("source_image is required (base64 data URL)"));
        }

        if (!f.Truthy("instruction"))
        {
            return Evaluation.Reject(AppError.Value("instruction is required (editing instruction)"));
        }

        if (Base64Media(f.Raw("source_image"), out var source) is { } error)
        {
            return Evaluation.Reject(error);
        }

        var instruction = PythonValues.Str(f.Raw("instruction"));
        f.Int("steps", 50, 1, 10000);
        f.Number("cfg", 4.0);
        var seed = f.Seed(null, nullMeansRandom: true);
        f.Number("denoise", 0.8);
        if (!ImageProbe.IsImage(source))
        {
            f.Break("LoadImage: Invalid image file: source image");
        }

        var (width, height) = SourceSize(source);
        CheckPixels(f, width, height);
        return Finish(spec, f, _ => Png(spec, width, height, MediaIdentity.Create(spec.Path, seed, instruction, Fingerprint(source))));
    }

    private static Evaluation QwenInpaint(EndpointSpec spec, RequestFields f)
    {
        if (!f.Truthy("source_image"))
        {
            return Evaluation.Reject(AppError.Value("source_image is required (base64 data URL)"));
        }

        if (!f.Truthy("mask_image"))
        {
            return Evaluation.Reject(AppError.Value("mask_image is required (base64 data URL, white = edit area)"));
        }

        if (!f.Truthy("prompt"))
        {
            return Evaluation.Reject(AppError.Value("prompt is required (what to inpaint)"));
        }

        if (Base64Media(f.Raw("source_image"), out var source) is { } sourceError)
        {
            return Evaluation.Reject(sourceError);
        }

        if (Base64Media(f.Raw("mask_image"), out var mask) is { } maskError)
        {
            return Evaluation.Reject(maskError);
        }

        var prompt = PythonValues.Str(f.Raw("prompt"));
        f.Int("steps", 50, 1, 10000);
        f.Number("cfg", 4.0);
        var seed = f.Seed(null, nullMeansRandom: true);
        if (!ImageProbe.IsImage(source) || !ImageProbe.IsImage(mask))
        {
            f.Break("LoadImage: Invalid image file: source or mask image");
        }

        var (width, height) = SourceSize(source);
        CheckPixels(f, width, height);
        return Finish(spec, f, _ =>
        {
            var identity = MediaIdentity.Create(spec.Path, seed, prompt, Fingerprint(source), Fingerprint(mask));
            var comment = string.Create(CultureInfo.InvariantCulture, $"Modal.Client.Testing fake; seed={seed}; prompt-sha256={identity.PromptSha256}");
            return Echo(new FakeResponse(200, spec.ContentTypeLabel, JpegEncoder.Encode(width, height, identity, comment)), identity);
        });
    }

    // ---- Shared pieces -------------------------------------------------------------------------------------------

    private static Evaluation WithLora(
        EndpointSpec spec, RequestFields f, LoraCatalog loras, string idPrefix, string? legacyPrefix, string notFoundHint, Func<string, Evaluation> next)
    {
        var loraId = f.Raw("lora_id");
        var loraName = f.Raw("lora_name");
        if (!PythonValues.Truthy(loraId) && !PythonValues.Truthy(loraName))
        {
            return Evaluation.Reject(AppError.Http(400, "lora_id or lora_name is required"));
        }

        var zImage = spec.Path == ModalEndpointPaths.ZImageLora;
        string file;
        var candidates = new List<string>();
        if (PythonValues.Truthy(loraName))
        {
            if (!PythonValues.IsString(loraName, out var name))
            {
                return Evaluation.Reject(AppError.Attribute($"'{PythonValues.TypeName(loraName)}' object has no attribute 'endswith'"));
            }

            file = LoraCatalog.Normalize(name);
            candidates.Add(file);
        }
        else
        {
            var id = PythonValues.Str(loraId);
            file = $"{idPrefix}{id}{LoraCatalog.Extension}";
            candidates.Add(file);
            if (legacyPrefix is not null)
            {
                candidates.Add($"{legacyPrefix}{id}{LoraCatalog.Extension}");
            }
        }

        var found = candidates.FirstOrDefault(c => loras.Contains(c, zImage));
        return found is null
            ? Evaluation.Reject(AppError.Http(404, $"LoRA not found: {file}. {notFoundHint}"))
            : next(found);
    }

    private static string TriggerWord(RequestFields f) =>
        f.Truthy("trigger_word") ? PythonValues.Str(f.Raw("trigger_word")) : string.Empty;

    private static (int Width, int Height) Size(RequestFields f, int width, int height)
    {
        // The VAE works on 8-pixel cells: the output is the latent size times 8.
        var w = f.Side("width", width) / 8 * 8;
        var h = f.Side("height", height) / 8 * 8;
        CheckPixels(f, w, h);
        return (w, h);
    }

    private static void CheckPixels(RequestFields f, int width, int height)
    {
        if ((long)width * height > MaxPixels)
        {
            f.Break("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 18.00 GiB.", atRuntime: true);
        }
    }

    private static (int Width, int Height) SourceSize(byte[] source) =>
        ImageProbe.TryGetSize(source, out var w, out var h) ? (w, h) : (1024, 1024);

    private static (int Width, int Height) UpscaledSize(byte[] image, int resolution, int maxResolution)
    {
        if (!ImageProbe.TryGetSize(image, out var w, out var h))
        {
            return (resolution, resolution);
        }

        var scale = (double)resolution / Math.Min(w, h);
        var longSide = Math.Max(w, h) * scale;
        if (maxResolution > 0 && longSide > maxResolution)
        {
            scale *= maxResolution / longSide;
        }

        return (Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));
    }

    private static bool TryTruncate(JsonNode node, out int value)
    {
        var d = double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        value = d is > int.MinValue and < int.MaxValue ? (int)Math.Truncate(d) : 0;
        return d is > int.MinValue and < int.MaxValue;
    }

    /// <summary>D1 (<c>decode_base64</c>): a data URL is decoded and opened with PIL; anything else is a file name.</summary>
    private static AppError? DataUrlImage(JsonNode? value, out byte[]? image)
    {
        image = null;
        if (!PythonValues.IsString(value, out var text))
        {
            return AppError.Attribute($"'{PythonValues.TypeName(value)}' object has no attribute 'startswith'");
        }

        if (!text.StartsWith("data:", StringComparison.Ordinal))
        {
            return null; // used as a file name in ComfyUI's input directory: the graph fails later
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return new AppError("IndexError", "list index out of range");
        }

        if (!PythonValues.TryB64Decode(text[(comma + 1)..], out var bytes, out var error))
        {
            return error;
        }

        if (!ImageProbe.IsImage(bytes))
        {
            return AppError.NotAnImage();
        }

        image = bytes;
        return null;
    }

    /// <summary>D2 (<c>_save_image_to_input</c>): a data URL or raw base64, saved as-is.</summary>
    private static AppError? Base64Media(JsonNode? value, out byte[] bytes)
    {
        bytes = [];
        if (!PythonValues.IsString(value, out var text))
        {
            return AppError.Attribute($"'{PythonValues.TypeName(value)}' object has no attribute 'startswith'");
        }

        if (text.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                return AppError.Value("not enough values to unpack (expected 2, got 1)");
            }

            text = text[(comma + 1)..];
        }

        return PythonValues.TryB64Decode(text, out bytes, out var error) ? null : error;
    }

    private static string InvalidImageFile(JsonNode? value)
    {
        var name = PythonValues.Str(value);
        return $"LoadImage: Invalid image file: {(name.Length > 40 ? name[..40] + "..." : name)}";
    }

    private static string Fingerprint(byte[]? bytes) =>
        bytes is null ? "-" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static FakeResponse Png(EndpointSpec spec, int width, int height, MediaIdentity identity)
    {
        var text = new List<KeyValuePair<string, string>> { new("fake-endpoint", spec.Path) };
        if (identity.Seed is { } seed)
        {
            text.Add(new("fake-seed", seed.ToString(CultureInfo.InvariantCulture)));
        }

        if (identity.Prompt is { } prompt)
        {
            text.Add(new("fake-prompt-sha256", identity.PromptSha256!));
            text.Add(new("fake-prompt", prompt));
        }

        return Echo(new FakeResponse(200, spec.ContentTypeLabel, PngEncoder.Encode(width, height, identity, text)), identity);
    }

    private static FakeResponse WebP(EndpointSpec spec, int width, int height, int frames, int frameMs, MediaIdentity identity) =>
        Echo(new FakeResponse(200, spec.ContentTypeLabel, AnimatedWebPEncoder.Encode(width, height, frames, frameMs, identity)), identity);

    private static FakeResponse Echo(FakeResponse response, MediaIdentity identity)
    {
        if (identity.Seed is { } seed)
        {
            response.WithHeader(FakeHeaders.Seed, seed.ToString(CultureInfo.InvariantCulture));
        }

        if (identity.PromptSha256 is { } sha)
        {
            response.WithHeader(FakeHeaders.PromptSha256, sha);
        }

        return response;
    }
}
