using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Checks face-consistency requests before anything is sent.</summary>
/// <remarks>
/// The limits, in one place, with the node each member feeds and what it accepts (ComfyUI refuses other values after the
/// job started, so after billing):
/// <list type="bullet">
/// <item>/sdxl-instantid (handlers/instantid.py): ApplyInstantID <c>weight</c> 0 to 5 (cubiq/ComfyUI_InstantID);
/// InstantIDFaceAnalysis <c>provider</c> CPU/CUDA/ROCM/CoreML (typed: <see cref="InstantIdFaceProvider"/>); KSampler
/// <c>sampler_name</c>/<c>scheduler</c> (typed: <see cref="ComfySampler"/>, <see cref="ComfyScheduler"/>), steps and cfg
/// (SDK bounds); EmptyLatentImage width/height (SDK bound).</item>
/// <item>/flux-pulid (handlers/pulid_flux.py): ApplyPulidFlux <c>weight</c> -1 to 5, <c>start_at</c>/<c>end_at</c> 0 to 1
/// (lldacing/ComfyUI_PuLID_Flux_ll); FluxGuidance <c>guidance</c> 0 to 100; KSampler steps and EmptySD3LatentImage size
/// (SDK bounds).</item>
/// <item>/flux-ipadapter-faceid (handlers/ipadapter_faceid.py): ApplyFluxIPAdapter <c>ip_scale</c> 0 to 1; XlabsSampler
/// <c>steps</c> 1 to 100 and <c>timestep_to_start_cfg</c> 0 to 100 (XLabs-AI/x-flux-comfyui); XlabsSampler
/// <c>true_gs</c> (sent as guidance_scale) 0 to 100, bounded by the SDK's CFG bound; LoadFluxIPAdapter <c>provider</c>
/// CPU/GPU (typed: <see cref="IpAdapterFaceProvider"/>); EmptySD3LatentImage size (SDK bound).</item>
/// </list>
/// </remarks>
internal static class FaceValidator
{
    /// <summary>ApplyInstantID weight (sent as instantid_strength): 0 to 5.</summary>
    public static readonly InputLimit InstantIdWeight = InputLimit.OfNode(0, 5, "ApplyInstantID (ComfyUI_InstantID)", "weight (sent as instantid_strength)");

    /// <summary>ApplyPulidFlux weight (sent as pulid_weight): -1 to 5.</summary>
    public static readonly InputLimit PulidWeight = InputLimit.OfNode(-1, 5, "ApplyPulidFlux (ComfyUI_PuLID_Flux_ll)", "weight (sent as pulid_weight)");

    /// <summary>ApplyPulidFlux start_at: 0 to 1.</summary>
    public static readonly InputLimit PulidStartAt = InputLimit.OfNode(0, 1, "ApplyPulidFlux (ComfyUI_PuLID_Flux_ll)", "start_at");

    /// <summary>ApplyPulidFlux end_at: 0 to 1.</summary>
    public static readonly InputLimit PulidEndAt = InputLimit.OfNode(0, 1, "ApplyPulidFlux (ComfyUI_PuLID_Flux_ll)", "end_at");

    /// <summary>FluxGuidance guidance: 0 to 100.</summary>
    public static readonly InputLimit FluxGuidance = InputLimit.OfNode(0, 100, "FluxGuidance", "guidance");

    /// <summary>ApplyFluxIPAdapter ip_scale (sent as ipadapter_strength): 0 to 1.</summary>
    public static readonly InputLimit IpAdapterScale = InputLimit.OfNode(0, 1, "XLabs ApplyFluxIPAdapter", "ip_scale (sent as ipadapter_strength)");

    /// <summary>XlabsSampler steps: 1 to 100.</summary>
    public static readonly InputLimit XlabsSteps = InputLimit.OfNode(1, 100, "XLabs XlabsSampler", "steps");

    /// <summary>XlabsSampler timestep_to_start_cfg: 0 to 100.</summary>
    public static readonly InputLimit XlabsTimestepToStartCfg = InputLimit.OfNode(0, 100, "XLabs XlabsSampler", "timestep_to_start_cfg");

    /// <summary>XlabsSampler true_gs (sent as guidance_scale): SDK bound (the node allows 0 to 100).</summary>
    public static readonly InputLimit XlabsCfg = InputLimit.OfSdk(0, 30, "XlabsSampler's true_gs itself allows up to 100");

    /// <summary>Width and height: SDK bound (EmptyLatentImage and EmptySD3LatentImage allow 16 to 16384).</summary>
    public static readonly InputLimit Size = RequestCheck.SdkImageSize;

    /// <summary>KSampler steps: SDK bound (KSampler allows 1 to 10000).</summary>
    public static readonly InputLimit KSamplerSteps = RequestCheck.SdkSteps;

    /// <summary>KSampler CFG: SDK bound (KSampler allows 0 to 100).</summary>
    public static readonly InputLimit KSamplerCfg = RequestCheck.SdkCfg;

    public static void Validate(SdxlInstantIdRequest request)
    {
        var check = new RequestCheck(nameof(SdxlInstantIdRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.InstantIdStrength, nameof(request.InstantIdStrength), InstantIdWeight);
        Sampling(check, request.Width, request.Height, request.Steps, KSamplerSteps, request.Seed);
        check.Range(request.Cfg, nameof(request.Cfg), KSamplerCfg);
    }

    public static void Validate(FluxPulidRequest request)
    {
        var check = new RequestCheck(nameof(FluxPulidRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.Range(request.PulidWeight, nameof(request.PulidWeight), PulidWeight);
        check.Range(request.StartAt, nameof(request.StartAt), PulidStartAt);
        check.Range(request.EndAt, nameof(request.EndAt), PulidEndAt);
        if (request.StartAt is { } start && request.EndAt is { } end && start > end)
        {
            throw check.Fail(nameof(request.StartAt), $"({start}) is after EndAt ({end}); PuLID must start before it ends.");
        }

        check.Range(request.Guidance, nameof(request.Guidance), FluxGuidance);
        Sampling(check, request.Width, request.Height, request.Steps, KSamplerSteps, request.Seed);
    }

    public static void Validate(FluxIpAdapterFaceIdRequest request)
    {
        var check = new RequestCheck(nameof(FluxIpAdapterFaceIdRequest));
        check.NotNull(request);
        check.Image(request.ReferenceImage, nameof(request.ReferenceImage));
        check.Prompt(request.Prompt, nameof(request.Prompt));
        check.OptionalText(request.NegativePrompt, nameof(request.NegativePrompt));
        check.Range(request.IpAdapterStrength, nameof(request.IpAdapterStrength), IpAdapterScale);
        check.Range(request.Cfg, nameof(request.Cfg), XlabsCfg);
        check.Range(request.TimestepToStartCfg, nameof(request.TimestepToStartCfg), XlabsTimestepToStartCfg, "steps");
        Sampling(check, request.Width, request.Height, request.Steps, XlabsSteps, request.Seed);
    }

    private static void Sampling(RequestCheck check, int? width, int? height, int? steps, InputLimit stepsLimit, long? seed)
    {
        check.Range(width, "Width", Size, "pixels");
        check.Range(height, "Height", Size, "pixels");
        check.Range(steps, "Steps", stepsLimit, "steps");
        check.Seed(seed, "Seed");
    }
}
