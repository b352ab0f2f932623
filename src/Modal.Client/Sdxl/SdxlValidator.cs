using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks SDXL requests before anything is sent.</summary>
internal static class SdxlValidator
{
    public static void Validate(SdxlTurboRequest request)
    {
        var check = new RequestCheck(nameof(SdxlTurboRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Size(request.Width, nameof(request.Width));
        check.Size(request.Height, nameof(request.Height));
        check.Steps(request.Steps, nameof(request.Steps), min: 1, max: 4);
        check.Seed(request.Seed, nameof(request.Seed));
    }

    public static void Validate(SdxlLightningRequest request)
    {
        var check = new RequestCheck(nameof(SdxlLightningRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Size(request.Width, nameof(request.Width));
        check.Size(request.Height, nameof(request.Height));
        check.Range(request.Cfg, nameof(request.Cfg), 0, 30);
        check.Seed(request.Seed, nameof(request.Seed));
    }
}
