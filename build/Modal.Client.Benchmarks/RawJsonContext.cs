using System.Text.Json.Serialization;

namespace Modal.Client.Benchmarks;

/// <summary>The baseline's source-generated JSON context: snake_case, nulls omitted, as the SDK's.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawFluxRequest))]
[JsonSerializable(typeof(RawFaceSwapRequest))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
