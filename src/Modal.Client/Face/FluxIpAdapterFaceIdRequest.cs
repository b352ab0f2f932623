using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /flux-ipadapter-faceid</c> request: Flux Dev + XLabs IP-Adapter v2 on ryla-instantid.</summary>
/// <remarks>
/// Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply. The XLabs
/// sampler's true CFG is <see cref="Cfg"/>, sent as <c>guidance_scale</c> (the server ignores a <c>cfg</c> field). The
/// XLabs nodes refuse steps above 100 and an IP-Adapter scale above 1 after the job started, so the SDK refuses them first.
/// </remarks>
public sealed record FluxIpAdapterFaceIdRequest : ISeededRequest<FluxIpAdapterFaceIdRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.FluxIpAdapterFaceIdRequest;

    /// <summary>The face to keep. Required; sent as a data URL.</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: a built-in quality negative, also used when this is empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>IP-Adapter scale (ApplyFluxIPAdapter <c>ip_scale</c>), 0 to 1. Server default: 0.8.</summary>
    [JsonPropertyName("ipadapter_strength")]
    public double? IpAdapterStrength { get; init; }

    /// <summary>
    /// True classifier-free guidance of the XLabs sampler (XlabsSampler <c>true_gs</c>), sent as <c>guidance_scale</c>.
    /// Server default: 3.5.
    /// </summary>
    [JsonPropertyName("guidance_scale")]
    public double? Cfg { get; init; }

    /// <summary>The step where CFG starts (XlabsSampler <c>timestep_to_start_cfg</c>), 0 to 100. Server default: 1.</summary>
    public int? TimestepToStartCfg { get; init; }

    /// <summary>The LoadFluxIPAdapter node's provider. Server default: <see cref="IpAdapterFaceProvider.Cpu"/>.</summary>
    public IpAdapterFaceProvider? FaceProvider { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps, 1 to 100 (XlabsSampler). Server default: 20.</summary>
    public int? Steps { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    FluxIpAdapterFaceIdRequest ISeededRequest<FluxIpAdapterFaceIdRequest>.WithSeed(long seed) => this with { Seed = seed };
}
