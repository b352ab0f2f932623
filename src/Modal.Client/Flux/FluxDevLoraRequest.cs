using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /flux-dev-lora</c> request: Flux Dev with a character LoRA on ryla-flux.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record FluxDevLoraRequest : ISeededRequest<FluxDevLoraRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.FluxDevLoraRequest;

    /// <summary>
    /// The LoRA. An id resolves to <c>character-{id}.safetensors</c> in <c>models/loras/</c>; a Flux LoRA trained by
    /// ryla-lora-training is named <c>flux-character-{id}</c>, so load it with <see cref="LoraReference.ByName"/>.
    /// </summary>
    [JsonIgnore]
    public required LoraReference Lora { get; init; }

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it (after the LoRA checks).</summary>
    public required string Prompt { get; init; }

    /// <summary>LoRA strength for both model and CLIP. Server default: 1.0 (older docs say 0.8).</summary>
    public double? LoraStrength { get; init; }

    /// <summary>A trigger word; when set the prompt becomes <c>"{trigger_word} {prompt}"</c>. Server default: none.</summary>
    public string? TriggerWord { get; init; }

    /// <summary>The negative prompt. Server default: a built-in quality negative, also used when this is empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 20.</summary>
    public int? Steps { get; init; }

    /// <summary>Plain KSampler CFG. Server default: 1.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    [JsonInclude]
    [JsonPropertyName("lora_id")]
    internal string? LoraId => Lora?.Id;

    [JsonInclude]
    [JsonPropertyName("lora_name")]
    internal string? LoraName => Lora?.Name;

    string? IPromptedRequest.PromptText => Prompt;

    FluxDevLoraRequest ISeededRequest<FluxDevLoraRequest>.WithSeed(long seed) => this with { Seed = seed };
}
