using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /flux-pulid</c> request: Flux Dev + PuLID face consistency on ryla-instantid.</summary>
/// <remarks>
/// The server reads <c>pulid_weight</c>, <c>start_at</c>, <c>end_at</c> and <c>guidance</c>; the <c>pulid_strength</c>,
/// <c>cfg</c>, <c>negative_prompt</c> and <c>face_provider</c> fields named by older docs are ignored, so they are not offered.
/// This is the one endpoint whose reported cost (<c>x-cost-usd</c>) arrives.
/// </remarks>
public sealed record FluxPulidRequest : ISeededRequest<FluxPulidRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.FluxPulidRequest;

    /// <summary>The face to keep. Required; sent as a data URL.</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>PuLID weight (ApplyPulidFlux <c>weight</c>), -1 to 5. Server default: 0.9.</summary>
    public double? PulidWeight { get; init; }

    /// <summary>Where PuLID starts, 0 to 1. Server default: 0.0.</summary>
    public double? StartAt { get; init; }

    /// <summary>Where PuLID ends, 0 to 1. Server default: 1.0.</summary>
    public double? EndAt { get; init; }

    /// <summary>
    /// Flux's distilled guidance (the FluxGuidance node), 0 to 100. This is not classifier-free guidance: the KSampler CFG
    /// is fixed at 1.0 on this endpoint, so there is no <c>Cfg</c> member. Server default: 3.5.
    /// </summary>
    public double? Guidance { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 20.</summary>
    public int? Steps { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    FluxPulidRequest ISeededRequest<FluxPulidRequest>.WithSeed(long seed) => this with { Seed = seed };
}
