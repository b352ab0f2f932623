using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks face-consistency requests before anything is sent.</summary>
internal static class FaceValidator
{
    public static void Validate(SdxlInstantIdRequest request)
    {
        var check = new RequestCheck(nameof(SdxlInstantIdRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.InstantIdStrength, nameof(request.InstantIdStrength), 0, 2);
        Sampling(check, request.Width, request.Height, request.Steps, request.Seed);
        check.Range(request.Cfg, nameof(request.Cfg), 0, 30);
        check.OptionalText(request.SamplerName, nameof(request.SamplerName));
        check.OptionalText(request.Scheduler, nameof(request.Scheduler));
    }

    public static void Validate(FluxPulidRequest request)
    {
        var check = new RequestCheck(nameof(FluxPulidRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.Range(request.PulidWeight, nameof(request.PulidWeight), 0, 5);
        check.Range(request.StartAt, nameof(request.StartAt), 0, 1);
        check.Range(request.EndAt, nameof(request.EndAt), 0, 1);
        if (request.StartAt is { } start && request.EndAt is { } end && start > end)
        {
            throw check.Fail(nameof(request.StartAt), $"({start}) is after EndAt ({end}); PuLID must start before it ends.");
        }

        check.Range(request.Guidance, nameof(request.Guidance), 0, 100);
        Sampling(check, request.Width, request.Height, request.Steps, request.Seed);
    }

    public static void Validate(FluxIpAdapterFaceIdRequest request)
    {
        var check = new RequestCheck(nameof(FluxIpAdapterFaceIdRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.IpAdapterStrength, nameof(request.IpAdapterStrength), 0, 2);
        check.Range(request.GuidanceScale, nameof(request.GuidanceScale), 0, 30);
        check.Range(request.TimestepToStartCfg, nameof(request.TimestepToStartCfg), 0, RequestCheck.MaxSteps);
        Sampling(check, request.Width, request.Height, request.Steps, request.Seed);
    }

    private static void Sampling(RequestCheck check, int? width, int? height, int? steps, long? seed)
    {
        check.Size(width, "Width");
        check.Size(height, "Height");
        check.Steps(steps, "Steps");
        check.Seed(seed, "Seed");
    }
}
