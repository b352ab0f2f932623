using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks editing requests before anything is sent (the server reports these mistakes only as 500s).</summary>
/// <remarks>
/// The limits, in one place. The edit graphs (handlers/qwen_edit.py) feed steps, cfg, seed and denoise to KSampler
/// (steps 1 to 10000, cfg 0 to 100, denoise 0 to 1); the SDK's own bounds apply to steps and CFG.
/// </remarks>
internal static class EditValidator
{
    /// <summary>Steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit Steps = RequestCheck.SdkSteps;

    /// <summary>CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit Cfg = RequestCheck.SdkCfg;

    /// <summary>KSampler denoise: 0 to 1.</summary>
    public static readonly InputLimit Denoise = InputLimit.OfNode(0, 1, "KSampler", "denoise");

    public static void Validate(QwenImageEditRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageEditRequest));
        check.NotNull(request);
        check.Image(request.SourceImage, nameof(request.SourceImage));
        check.Prompt(request.Instruction, nameof(request.Instruction));
        check.Range(request.Steps, nameof(request.Steps), Steps, "steps");
        check.Range(request.Cfg, nameof(request.Cfg), Cfg);
        check.Range(request.Denoise, nameof(request.Denoise), Denoise);
        check.Seed(request.Seed, nameof(request.Seed));
    }

    public static void Validate(QwenImageInpaintRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageInpaintRequest));
        check.NotNull(request);
        check.Image(request.SourceImage, nameof(request.SourceImage));
        check.Image(request.MaskImage, nameof(request.MaskImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.Range(request.Steps, nameof(request.Steps), Steps, "steps");
        check.Range(request.Cfg, nameof(request.Cfg), Cfg);
        check.Seed(request.Seed, nameof(request.Seed));
    }
}
