using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /seedvr2</c> request: SeedVR2 upscaling on ryla-seedvr2. The result is a real PNG.</summary>
/// <remarks>
/// There is no <c>scale</c> member: older docs and clients send <c>"scale": 2</c>, which the server ignores. Set the
/// target size with <see cref="Resolution"/>.
/// </remarks>
public sealed record SeedVr2Request : ISeededRequest<SeedVr2Request>
{
    /// <summary>The image to upscale. Required.</summary>
    public required ModalMedia Image { get; init; }

    /// <summary>Target size in pixels passed to the SeedVR2 upscaler node. Server default: 1080.</summary>
    public int? Resolution { get; init; }

    /// <summary>Upper bound of the output size. Server default: 4000.</summary>
    public int? MaxResolution { get; init; }

    /// <summary>Second upper bound (<c>max_resolution_2</c>). Server default: 4000.</summary>
    [JsonPropertyName("max_resolution_2")]
    public int? MaxResolution2 { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 4105349922) and reports it on the result.</summary>
    public long? Seed { get; init; }

    SeedVr2Request ISeededRequest<SeedVr2Request>.WithSeed(long seed) => this with { Seed = seed };
}
