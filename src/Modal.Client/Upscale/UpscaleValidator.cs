using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks upscaling requests before anything is sent.</summary>
internal static class UpscaleValidator
{
    public const int MaxResolution = 8192;

    public static void Validate(SeedVr2Request request)
    {
        var check = new RequestCheck(nameof(SeedVr2Request));
        check.NotNull(request);
        check.Image(request.Image, nameof(request.Image));
        check.Size(request.Resolution, nameof(request.Resolution), min: 64, max: MaxResolution);
        check.Size(request.MaxResolution, nameof(request.MaxResolution), min: 64, max: MaxResolution);
        check.Size(request.MaxResolution2, nameof(request.MaxResolution2), min: 64, max: MaxResolution);
        check.Seed(request.Seed, nameof(request.Seed));
    }
}
