using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /wan2.6</c> request: Wan 2.6 text-to-video on ryla-wan26. The result is an animated WebP, not an MP4.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record Wan26Request : ISeededRequest<Wan26Request>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.Wan26Request;

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>prompt is required</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>Frame width in pixels. Server default: 832.</summary>
    public int? Width { get; init; }

    /// <summary>Frame height in pixels. Server default: 480.</summary>
    public int? Height { get; init; }

    /// <summary>
    /// The number of frames, sent as <c>length</c> (EmptyHunyuanLatentVideo; a <c>num_frames</c> field is ignored by the
    /// server). Server default: 33.
    /// </summary>
    [JsonPropertyName("length")]
    public int? FrameCount { get; init; }

    /// <summary>Playback frame rate of the output WebP. Server default: 16.</summary>
    public int? Fps { get; init; }

    /// <summary>Sampling steps. Server default: 30.</summary>
    public int? Steps { get; init; }

    /// <summary>CFG. Server default: 6.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    Wan26Request ISeededRequest<Wan26Request>.WithSeed(long seed) => this with { Seed = seed };
}
