using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Qwen-Image requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place. The ryla-qwen-image graphs (handlers/qwen_image.py) feed width/height to
/// EmptySD3LatentImage (16 to 16384), steps/cfg/seed to KSampler (1 to 10000, 0 to 100, 0 to 2^64-1) and the LoRA strength
/// to LoraLoaderModelOnly (-100 to 100); the SDK's own bounds apply. One cross-field rule: <c>aspect_ratio</c> wins over
/// <c>width</c>/<c>height</c> on the server (<c>_parse_dimensions</c> returns the ratio's size and never reads them), so
/// a request with both is refused rather than sending fields the server ignores.
/// </remarks>
internal static class QwenValidator
{
    /// <summary>Width and height: SDK bound (EmptySD3LatentImage allows 16 to 16384).</summary>
    public static readonly InputLimit Size = RequestCheck.SdkImageSize;

    /// <summary>Steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit Steps = RequestCheck.SdkSteps;

    /// <summary>CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit Cfg = RequestCheck.SdkCfg;

    /// <summary>LoRA strength: SDK bound (LoraLoaderModelOnly allows -100 to 100).</summary>
    public static readonly InputLimit LoraStrength = RequestCheck.SdkLoraStrength;

    public static void Validate(QwenImage2512Request request)
    {
        var check = new RequestCheck(nameof(QwenImage2512Request));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.AspectRatio, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(QwenImage2512FastRequest request)
    {
        var check = new RequestCheck(nameof(QwenImage2512FastRequest));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.AspectRatio, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(QwenImage2512LoraRequest request)
    {
        var check = new RequestCheck(nameof(QwenImage2512LoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), LoraStrength);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Common(check, request.Prompt, request.NegativePrompt, request.AspectRatio, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    private static void Common(
        RequestCheck check, string? prompt, string? negativePrompt, QwenAspectRatio? aspectRatio, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        // The Qwen handlers default the prompt to "A beautiful woman", so it may be unset, but not blank.
        check.Prompt(prompt, "Prompt", required: false);
        check.OptionalText(negativePrompt, "NegativePrompt");
        if (aspectRatio is { } ratio && (width is not null || height is not null))
        {
            throw check.Fail(
                "AspectRatio",
                $"({ratio.Ratio}) and {(width is not null && height is not null ? "Width/Height" : width is not null ? "Width" : "Height")} are both set, "
                + $"but the server lets aspect_ratio win and ignores width and height ({ratio.Ratio} gives {ratio.Width}x{ratio.Height}). "
                + "Set AspectRatio alone, or Width and Height alone.");
        }

        check.Range(width, "Width", Size, "pixels");
        check.Range(height, "Height", Size, "pixels");
        check.Range(steps, "Steps", Steps, "steps");
        check.Range(cfg, "Cfg", Cfg);
        check.Seed(seed, "Seed");
    }
}
