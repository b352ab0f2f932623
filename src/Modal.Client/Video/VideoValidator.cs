using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks video requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place, with the node each member feeds:
/// <list type="bullet">
/// <item>Wan 2.6 (handlers/wan26.py): width/height/length go to EmptyHunyuanLatentVideo (16 to 16384 each), steps/cfg/seed
/// to KSampler (1 to 10000, 0 to 100, 0 to 2^64-1), fps to SaveAnimatedWEBP (0.01 to 1000); none is a useful bound, so
/// the SDK's own bounds apply. The handler refuses more than 3 reference videos on /wan2.6-r2v.</item>
/// <item>/video-faceswap (handlers/qwen_image.py): fps is VHS_LoadVideo <c>force_rate</c> (0 to 60, 0 = off) and
/// VHS_VideoCombine <c>frame_rate</c> (at least 1), so 1 to 60 (Kosinkadink/ComfyUI-VideoHelperSuite);
/// <c>face_restore_visibility</c> 0.1 to 1 and <c>codeformer_weight</c> 0 to 1 on ReActorFaceSwap (Gourieff/ComfyUI-ReActor).</item>
/// </list>
/// </remarks>
internal static class VideoValidator
{
    public const int MaxReferenceVideos = 3;

    /// <summary>Wan frame size: SDK bound (EmptyHunyuanLatentVideo allows 16 to 16384).</summary>
    public static readonly InputLimit WanSize = InputLimit.OfSdk(64, 1920, "EmptyHunyuanLatentVideo itself allows 16 to 16384");

    /// <summary>Wan frame count: SDK bound (EmptyHunyuanLatentVideo length allows 1 to 16384).</summary>
    public static readonly InputLimit WanFrameCount = InputLimit.OfSdk(1, 241, "EmptyHunyuanLatentVideo's length itself allows up to 16384");

    /// <summary>Wan playback rate: SDK bound (SaveAnimatedWEBP allows 0.01 to 1000).</summary>
    public static readonly InputLimit WanFps = InputLimit.OfSdk(1, 120, "SaveAnimatedWEBP itself allows 0.01 to 1000");

    /// <summary>Wan steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit WanSteps = RequestCheck.SdkSteps;

    /// <summary>Wan CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit WanCfg = RequestCheck.SdkCfg;

    /// <summary>Wan LoRA strength: SDK bound (LoraLoaderModelOnly allows -100 to 100).</summary>
    public static readonly InputLimit WanLoraStrength = RequestCheck.SdkLoraStrength;

    /// <summary>/video-faceswap fps: VHS_LoadVideo force_rate allows at most 60, VHS_VideoCombine frame_rate at least 1.</summary>
    public static readonly InputLimit FaceSwapFps = InputLimit.OfNode(1, 60, "VHS_LoadVideo (VideoHelperSuite)", "force_rate (sent as fps; also the output frame rate, at least 1)");

    /// <summary>ReActorFaceSwap face_restore_visibility: 0.1 to 1.</summary>
    public static readonly InputLimit FaceRestoreVisibility = InputLimit.OfNode(0.1, 1, "ReActorFaceSwap (ComfyUI-ReActor)", "face_restore_visibility");

    /// <summary>ReActorFaceSwap codeformer_weight: 0 to 1.</summary>
    public static readonly InputLimit CodeformerWeight = InputLimit.OfNode(0, 1, "ReActorFaceSwap (ComfyUI-ReActor)", "codeformer_weight");

    public static void Validate(Wan26Request request)
    {
        var check = new RequestCheck(nameof(Wan26Request));
        check.NotNull(request);
        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.FrameCount, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(Wan26R2VRequest request)
    {
        var check = new RequestCheck(nameof(Wan26R2VRequest));
        check.NotNull(request);
        if (request.ReferenceVideos is null || request.ReferenceVideos.Count is 0 or > MaxReferenceVideos)
        {
            throw check.Fail(
                nameof(request.ReferenceVideos),
                $"has {request.ReferenceVideos?.Count ?? 0} videos; pass 1 to {MaxReferenceVideos} reference videos (the server rejects more).");
        }

        for (var i = 0; i < request.ReferenceVideos.Count; i++)
        {
            check.Video(request.ReferenceVideos[i], $"{nameof(request.ReferenceVideos)}[{i}]");
        }

        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.FrameCount, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(Wan26LoraRequest request)
    {
        var check = new RequestCheck(nameof(Wan26LoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), WanLoraStrength);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Wan(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.FrameCount, request.Fps, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(VideoFaceSwapRequest request)
    {
        var check = new RequestCheck(nameof(VideoFaceSwapRequest));
        check.NotNull(request);
        check.Video(request.SourceVideo, nameof(request.SourceVideo));
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Range(request.Fps, nameof(request.Fps), FaceSwapFps, "frames per second");
        check.Range(request.FaceRestoreVisibility, nameof(request.FaceRestoreVisibility), FaceRestoreVisibility);
        check.Range(request.CodeformerWeight, nameof(request.CodeformerWeight), CodeformerWeight);
    }

    private static void Wan(
        RequestCheck check, string? prompt, string? negativePrompt, int? width, int? height, int? frameCount, int? fps, int? steps, double? cfg, long? seed)
    {
        check.Prompt(prompt, "Prompt");
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Range(width, "Width", WanSize, "pixels");
        check.Range(height, "Height", WanSize, "pixels");
        check.Range(frameCount, "FrameCount", WanFrameCount, "frames");
        check.Range(fps, "Fps", WanFps, "frames per second");
        check.Range(steps, "Steps", WanSteps, "steps");
        check.Range(cfg, "Cfg", WanCfg);
        check.Seed(seed, "Seed");
    }
}
