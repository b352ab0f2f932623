namespace Modal.Client.Testing.Internal;

/// <summary>A node of a handler's ComfyUI graph: its id in the API-format workflow and its class.</summary>
/// <param name="Id">The node id, for example <c>"2"</c>.</param>
/// <param name="ClassType">The node class, for example <c>ZImageSampler</c>.</param>
/// <param name="Output">The id of the save node the graph's output depends on.</param>
internal sealed record ComfyNode(string Id, string ClassType, string Output)
{
    /// <summary>/flux-ipadapter-faceid: <c>LoadFluxIPAdapter</c> (XLabs), whose <c>provider</c> is CPU or GPU.</summary>
    public static readonly ComfyNode LoadFluxIpAdapter = new("6", "LoadFluxIPAdapter", "13");

    /// <summary>/flux-ipadapter-faceid: <c>ApplyFluxIPAdapter</c>, whose <c>ip_scale</c> is at most 1.</summary>
    public static readonly ComfyNode ApplyFluxIpAdapter = new("7", "ApplyFluxIPAdapter", "13");

    /// <summary>/flux-ipadapter-faceid: <c>XlabsSampler</c>, whose <c>steps</c> and <c>timestep_to_start_cfg</c> are at most 100.</summary>
    public static readonly ComfyNode XlabsSampler = new("11", "XlabsSampler", "13");

    /// <summary>/z-image-simple and /z-image-danrisi: <c>ZImageSampler</c> (width/height ≥ 256, steps ≤ 100, guidance_scale ≤ 20).</summary>
    public static readonly ComfyNode ZImageSampler = new("2", "ZImageSampler", "3");

    /// <summary>/video-faceswap: <c>VHS_LoadVideo</c>, whose <c>force_rate</c> is at most 60.</summary>
    public static readonly ComfyNode VhsLoadVideo = new("1", "VHS_LoadVideo", "4");

    /// <summary>/video-faceswap: <c>ReActorFaceSwap</c>, whose <c>face_restore_visibility</c> is at least 0.1.</summary>
    public static readonly ComfyNode ReActorFaceSwap = new("3", "ReActorFaceSwap", "4");

    /// <summary>/seedvr2: <c>SeedVR2VideoUpscaler</c>, whose <c>seed</c> is at most 2^32-1.</summary>
    public static readonly ComfyNode SeedVr2VideoUpscaler = new("4", "SeedVR2VideoUpscaler", "5");

    /// <summary>/sdxl-instantid: <c>InstantIDFaceAnalysis</c>, whose <c>provider</c> is CPU, CUDA, ROCM or CoreML.</summary>
    public static readonly ComfyNode InstantIdFaceAnalysis = new("20", "InstantIDFaceAnalysis", "10");
}
