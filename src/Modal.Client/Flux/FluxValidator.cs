using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks Flux requests before anything is sent.</summary>
internal static class FluxValidator
{
    public static void Validate(FluxRequest request)
    {
        var check = new RequestCheck(nameof(FluxRequest));
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
        check.Range(request.LoraStrength, nameof(request.LoraStrength), -5, 5);
        check.OptionalText(request.TriggerWord, nameof(request.TriggerWord));
        Common(check, request.NegativePrompt, request.Width, request.Height, request.Steps, request.Cfg, request.Seed);
    }

    private static void Common(RequestCheck check, string? negativePrompt, int? width, int? height, int? steps, double? cfg, long? seed)
    {
        check.OptionalText(negativePrompt, "NegativePrompt");
        check.Size(width, "Width");
        check.Size(height, "Height");
        check.Steps(steps, "Steps");
        check.Range(cfg, "Cfg", 0, 30);
        check.Seed(seed, "Seed");
    }
}
