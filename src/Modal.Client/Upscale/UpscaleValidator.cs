using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks upscaling requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place. /seedvr2 (handlers/seedvr2.py, workflows/seedvr2_api.json) feeds <c>resolution</c>,
/// <c>max_resolution</c> and <c>seed</c> to SeedVR2VideoUpscaler (numz/ComfyUI-SeedVR2_VideoUpscaler): resolution 16 to
/// 16384, max_resolution 0 to 16384 (0 = no limit), seed 0 to 2^32-1. The handler also passes <c>max_resolution_2</c>,
/// which the node has no input for, so the SDK does not send it.
/// </remarks>
internal static class UpscaleValidator
{
    private const string Upscaler = "SeedVR2VideoUpscaler (ComfyUI-SeedVR2_VideoUpscaler)";

    /// <summary>SeedVR2VideoUpscaler resolution: 16 to 16384.</summary>
    public static readonly InputLimit Resolution = InputLimit.OfNode(16, 16384, Upscaler, "resolution");

    /// <summary>SeedVR2VideoUpscaler max_resolution: 0 (no limit) to 16384.</summary>
    public static readonly InputLimit MaxResolution = InputLimit.OfNode(0, 16384, Upscaler, "max_resolution (0 = no limit)");

    /// <summary>SeedVR2VideoUpscaler seed: 0 to 2^32-1.</summary>
    public static readonly InputLimit Seed = InputLimit.OfNode(0, uint.MaxValue, Upscaler, "seed");

    public static void Validate(SeedVr2Request request)
    {
        var check = new RequestCheck(nameof(SeedVr2Request));
        check.NotNull(request);
        check.Image(request.SourceImage, nameof(request.SourceImage));
        check.Range(request.Resolution, nameof(request.Resolution), Resolution, "pixels");
        check.Range(request.MaxResolution, nameof(request.MaxResolution), MaxResolution, "pixels");
        check.Seed(request.Seed, nameof(request.Seed), Seed);
    }
}
