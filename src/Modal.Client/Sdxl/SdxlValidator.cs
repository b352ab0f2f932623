using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks SDXL requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place. The 2026-02-01 graphs (the routes are gone from ryla-instantid since e5a81e3) fed
/// width/height to EmptyLatentImage (16 to 16384) and cfg/seed to KSampler (0 to 100, 0 to 2^64-1); /sdxl-turbo clamped
/// its steps to 1-4 in the handler. The SDK's own bounds apply where a node's is not useful.
/// </remarks>
internal static class SdxlValidator
{
    /// <summary>Width and height: SDK bound (EmptyLatentImage allows 16 to 16384).</summary>
    public static readonly InputLimit Size = RequestCheck.SdkImageSize;

    /// <summary>/sdxl-turbo steps: the handler clamped them to 1-4, so other values would not do what they say.</summary>
    public static readonly InputLimit TurboSteps = InputLimit.OfSdk(1, 4, "the /sdxl-turbo handler clamps steps to 1-4");

    /// <summary>CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit Cfg = RequestCheck.SdkCfg;

    public static void Validate(SdxlTurboRequest request)
    {
        var check = new RequestCheck(nameof(SdxlTurboRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.Width, nameof(request.Width), Size, "pixels");
        check.Range(request.Height, nameof(request.Height), Size, "pixels");
        check.Range(request.Steps, nameof(request.Steps), TurboSteps, "steps");
        check.Seed(request.Seed, nameof(request.Seed));
    }

    public static void Validate(SdxlLightningRequest request)
    {
        var check = new RequestCheck(nameof(SdxlLightningRequest));
        check.NotNull(request);
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.Width, nameof(request.Width), Size, "pixels");
        check.Range(request.Height, nameof(request.Height), Size, "pixels");
        check.Range(request.Cfg, nameof(request.Cfg), Cfg);
        check.Seed(request.Seed, nameof(request.Seed));
    }
}
