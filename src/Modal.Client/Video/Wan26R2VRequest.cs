using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /wan2.6-r2v</c> request: Wan 2.6 reference-to-video on ryla-wan26 (experimental).</summary>
/// <remarks>
/// Never benchmarked; in the server's graph the reference videos appear not to reach the sampler, so the output is likely
/// plain text-to-video (contract 3.16). The result is an animated WebP.
/// </remarks>
public sealed record Wan26R2VRequest : ISeededRequest<Wan26R2VRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.Wan26R2VRequest;

    /// <summary>One to three reference videos (MP4 or WebM). Required.</summary>
    public required IReadOnlyList<ModalMedia> ReferenceVideos { get; init; }

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

    Wan26R2VRequest ISeededRequest<Wan26R2VRequest>.WithSeed(long seed) => this with { Seed = seed };
}
