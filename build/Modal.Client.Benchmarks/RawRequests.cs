using System.Text.Json.Serialization;

namespace Modal.Client.Benchmarks;

/// <summary>The baseline's /flux body: what the SDK sends for a prompt (prompt and a random seed).</summary>
internal sealed class RawFluxRequest
{
    public required string Prompt { get; init; }

    public long Seed { get; init; }
}

/// <summary>The baseline's /video-faceswap body: media as data URL strings, built the obvious way.</summary>
internal sealed class RawFaceSwapRequest
{
    public required string SourceVideo { get; init; }

    public required string ReferenceImage { get; init; }
}

/// <summary>The baseline's source-generated JSON context: snake_case, nulls omitted, as the SDK's.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawFluxRequest))]
[JsonSerializable(typeof(RawFaceSwapRequest))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
