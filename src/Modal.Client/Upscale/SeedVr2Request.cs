using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /seedvr2</c> request: SeedVR2 upscaling on ryla-seedvr2. The result is a real PNG.</summary>
/// <remarks>
/// There is no <c>scale</c> member: older docs and clients send <c>"scale": 2</c>, which the server ignores. Set the
/// target size with <see cref="Resolution"/>. There is no <c>max_resolution_2</c> member either: the handler passes it
/// on, but the SeedVR2VideoUpscaler node has no such input, so it has no effect.
/// </remarks>
public sealed record SeedVr2Request : ISeededRequest<SeedVr2Request>, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.SeedVr2Request;

    /// <summary>The image to upscale, sent as <c>image</c>. Required.</summary>
    [JsonPropertyName("image")]
    public required ModalMedia SourceImage { get; init; }

    /// <summary>
    /// Target size of the shortest edge in pixels (SeedVR2VideoUpscaler <c>resolution</c>), 16 to 16384. Server default: 1080.
    /// </summary>
    public int? Resolution { get; init; }

    /// <summary>
    /// The largest any edge may become (SeedVR2VideoUpscaler <c>max_resolution</c>), 0 to 16384; 0 means no limit.
    /// Server default: 4000.
    /// </summary>
    public int? MaxResolution { get; init; }

    /// <summary>
    /// The seed, 0 to 4294967295 (the node's limit, 2^32-1). When unset the SDK sends a random one (the server would use
    /// a fixed 4105349922) and reports it on the result.
    /// </summary>
    public long? Seed { get; init; }

    SeedVr2Request ISeededRequest<SeedVr2Request>.WithSeed(long seed) => this with { Seed = seed };
}
