using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Flux requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place. The ryla-flux graphs (handlers/flux.py) feed width/height to EmptySD3LatentImage (16 to
/// 16384), steps/cfg/seed to KSampler (1 to 10000, 0 to 100, 0 to 2^64-1) and the LoRA strength to LoraLoader (-100 to
/// 100). None of those is a useful bound, so the SDK's own bounds apply (they name what the node allows).
/// </remarks>
internal static class FluxValidator
{
    /// <summary>Width and height: SDK bound (EmptySD3LatentImage allows 16 to 16384).</summary>
    public static readonly InputLimit Size = RequestCheck.SdkImageSize;

    /// <summary>Steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit Steps = RequestCheck.SdkSteps;

    /// <summary>CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit Cfg = RequestCheck.SdkCfg;

    /// <summary>LoRA strength: SDK bound (LoraLoader allows -100 to 100 for model and CLIP).</summary>
    public static readonly InputLimit LoraStrength = RequestCheck.SdkLoraStrength;

    public static void Validate(FluxSchnellRequest request)
    {
        var check = new RequestCheck(nameof(FluxSchnellRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        Common(check, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(FluxDevRequest request)
    {
        var check = new RequestCheck(nameof(FluxDevRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        Common(check, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(FluxDevLoraRequest request)
    {
        var check = new RequestCheck(nameof(FluxDevLoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), LoraStrength);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Common(check, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    private static void Common(RequestCheck check, string? negativePrompt, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Range(width, "Width", Size, "pixels");
        check.Range(height, "Height", Size, "pixels");
        check.Range(steps, "Steps", Steps, "steps");
        check.Range(cfg, "Cfg", Cfg);
        check.Seed(seed, "Seed");
    }
}
