using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Z-Image requests before anything is sent.</summary>
internal static class ZImageValidator
{
    public static void Validate(ZImageSimpleRequest request)
    {
        var check = new RequestCheck(nameof(ZImageSimpleRequest));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(ZImageDanrisiRequest request)
    {
        var check = new RequestCheck(nameof(ZImageDanrisiRequest));
        check.NotNull(request);
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    public static void Validate(ZImageLoraRequest request)
    {
        var check = new RequestCheck(nameof(ZImageLoraRequest));
        check.NotNull(request);
        check.Lora(request.Lora, nameof(request.Lora));
        check.Range(request.LoraStrength, nameof(request.LoraStrength), -5, 5);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Common(check, request.Prompt, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    private static void Common(RequestCheck check, string? prompt, string? negativePrompt, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        check.Prompt(prompt, "Prompt");
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Size(width, "Width");
        check.Size(height, "Height");
        check.Steps(steps, "Steps");
        check.Range(cfg, "Cfg", 0, 30);
        check.Seed(seed, "Seed");
    }
}
