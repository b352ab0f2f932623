using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Qwen-Image requests before anything is sent.</summary>
internal static class QwenValidator
{
    public static void Validate(QwenImageRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageRequest));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(QwenImageFastRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageFastRequest));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(QwenImageLoraRequest request)
    {
        var check = new RequestCheck(nameof(QwenImageLoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), -5, 5);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    private static void Common(RequestCheck check, string? prompt, string? negativePrompt, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        // The Qwen handlers default the prompt to "A beautiful woman", so it may be unset, but not blank.
        check.Prompt(prompt, "Prompt", required: false);
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Size(width, "Width");
        check.Size(height, "Height");
        check.Steps(steps, "Steps");
        check.Range(cfg, "Cfg", 0, 30);
        check.Seed(seed, "Seed");
    }
}
