using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Z-Image requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place. /z-image-simple and /z-image-danrisi feed width, height, steps, cfg and seed to
/// ZImageSampler (tpc2233/ComfyUI-Z-Image-Turbo): width/height 256 to 4096, steps 1 to 100, guidance_scale 0 to 20, seed
/// 0 to 2^64-1. ComfyUI refuses values outside them after the job started, so the SDK refuses them first. /z-image-lora
/// is a different graph (handlers/z_image.py <c>build_z_image_lora_workflow</c>): EmptySD3LatentImage and KSampler, whose
/// limits are not useful bounds, so the SDK's own bounds apply there.
/// </remarks>
internal static class ZImageValidator
{
    private const string Sampler = "ZImageSampler (ComfyUI-Z-Image-Turbo)";

    /// <summary>ZImageSampler width/height: 256 to 4096.</summary>
    public static readonly InputLimit SamplerWidth = InputLimit.OfNode(256, 4096, Sampler, "width");

    /// <summary>ZImageSampler width/height: 256 to 4096.</summary>
    public static readonly InputLimit SamplerHeight = InputLimit.OfNode(256, 4096, Sampler, "height");

    /// <summary>ZImageSampler steps: 1 to 100.</summary>
    public static readonly InputLimit SamplerSteps = InputLimit.OfNode(1, 100, Sampler, "steps");

    /// <summary>ZImageSampler guidance_scale (sent as cfg): 0 to 20.</summary>
    public static readonly InputLimit SamplerCfg = InputLimit.OfNode(0, 20, Sampler, "guidance_scale (sent as cfg)");

    /// <summary>/z-image-lora width and height: SDK bound (EmptySD3LatentImage allows 16 to 16384).</summary>
    public static readonly InputLimit LoraSize = RequestCheck.SdkImageSize;

    /// <summary>/z-image-lora steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit LoraSteps = RequestCheck.SdkSteps;

    /// <summary>/z-image-lora CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit LoraCfg = RequestCheck.SdkCfg;

    /// <summary>/z-image-lora LoRA strength: SDK bound (LoraLoaderModelOnly allows -100 to 100).</summary>
    public static readonly InputLimit LoraStrength = RequestCheck.SdkLoraStrength;

    public static void Validate(ZImageSimpleRequest request)
    {
        var check = new RequestCheck(nameof(ZImageSimpleRequest));
        check.NotNull(request);
        ZImageSampler(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(ZImageDanrisiRequest request)
    {
        var check = new RequestCheck(nameof(ZImageDanrisiRequest));
        check.NotNull(request);
        ZImageSampler(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(ZImageLoraRequest request)
    {
        var check = new RequestCheck(nameof(ZImageLoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), LoraStrength);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.Width, nameof(request.Width), LoraSize, "pixels");
        check.Range(request.Height, nameof(request.Height), LoraSize, "pixels");
        check.Range(request.Steps, nameof(request.Steps), LoraSteps, "steps");
        check.Range(request.Cfg, nameof(request.Cfg), LoraCfg);
        check.Seed(request.Seed, nameof(request.Seed));
    }

    private static void ZImageSampler(
        RequestCheck check, string? prompt, string? negativePrompt, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        check.Prompt(prompt, "Prompt");
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Range(width, "Width", SamplerWidth, "pixels");
        check.Range(height, "Height", SamplerHeight, "pixels");
        check.Range(steps, "Steps", SamplerSteps, "steps");
        check.Range(cfg, "Cfg", SamplerCfg);
        check.Seed(seed, "Seed");
    }
}
