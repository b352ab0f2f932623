using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /flux-ipadapter-faceid</c> request: Flux Dev + XLabs IP-Adapter v2 on ryla-instantid.</summary>
/// <remarks>
/// Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply. The server reads
/// <c>guidance_scale</c>; a <c>cfg</c> field is ignored, so none is offered.
/// </remarks>
public sealed record FluxIpAdapterFaceIdRequest : ISeededRequest<FluxIpAdapterFaceIdRequest>, IPromptedRequest
{
    /// <summary>The face to keep. Required; sent as a data URL.</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: a built-in quality negative, also used when this is empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>IP-Adapter scale, 0 to 2. Server default: 0.8.</summary>
    [JsonPropertyName("ipadapter_strength")]
    public double? IpAdapterStrength { get; init; }

    /// <summary>True guidance scale of the XLabs sampler. Server default: 3.5.</summary>
    public double? GuidanceScale { get; init; }

    /// <summary>The step where CFG starts. Server default: 1.</summary>
    public int? TimestepToStartCfg { get; init; }

    /// <summary>The IP-Adapter loader's provider. Server default: <see cref="FaceProvider.Cpu"/>.</summary>
    public FaceProvider? FaceProvider { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 20.</summary>
    public int? Steps { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    FluxIpAdapterFaceIdRequest ISeededRequest<FluxIpAdapterFaceIdRequest>.WithSeed(long seed) => this with { Seed = seed };
}
