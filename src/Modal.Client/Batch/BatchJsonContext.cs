using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>The batch manifest's serialization context: snake_case names, nulls written so every line has every field.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(BatchManifestLine))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
