using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /sdxl-instantid</c> request: SDXL + InstantID face consistency on ryla-instantid.</summary>
/// <remarks>
/// Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply. A face must be
/// detectable in <see cref="ReferenceImage"/>, otherwise the workflow fails (often reported as HTTP 503).
/// </remarks>
public sealed record SdxlInstantIdRequest : ISeededRequest<SdxlInstantIdRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.SdxlInstantIdRequest;

    /// <summary>The face to keep. Required; sent as a data URL (the server re-encodes it to JPEG).</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>The SDXL checkpoint. Server default: <see cref="SdxlCheckpoint.SdxlBase"/>.</summary>
    public SdxlCheckpoint? SdxlCheckpoint { get; init; }

    /// <summary>InstantID weight (ApplyInstantID <c>weight</c>), 0 to 5. Server default: 0.8.</summary>
    [JsonPropertyName("instantid_strength")]
    public double? InstantIdStrength { get; init; }

    /// <summary>The InstantIDFaceAnalysis node's provider. Server default: <see cref="InstantIdFaceProvider.Cpu"/>.</summary>
    public InstantIdFaceProvider? FaceProvider { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 20.</summary>
    public int? Steps { get; init; }

    /// <summary>KSampler CFG. Server default: 7.0 (older docs say 5.0).</summary>
    public double? Cfg { get; init; }

    /// <summary>The KSampler sampler (<c>sampler_name</c>). Server default: <see cref="ComfySampler.Euler"/>.</summary>
    [JsonPropertyName("sampler_name")]
    public ComfySampler? Sampler { get; init; }

    /// <summary>The KSampler scheduler. Server default: <see cref="ComfyScheduler.Normal"/>.</summary>
    public ComfyScheduler? Scheduler { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    SdxlInstantIdRequest ISeededRequest<SdxlInstantIdRequest>.WithSeed(long seed) => this with { Seed = seed };
}
