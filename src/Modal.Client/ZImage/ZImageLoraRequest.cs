using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /z-image-lora</c> request: Z-Image-Turbo with a LoRA (ComfyUI graph) on ryla-z-image.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record ZImageLoraRequest : ISeededRequest<ZImageLoraRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.ZImageLoraRequest;

    /// <summary>
    /// The LoRA. An id resolves to <c>character-{id}.safetensors</c> in <c>models/loras/</c>. The image also ships style LoRAs
    /// usable by name: <c>realistic-snapshot-zit</c>, <c>instagramification</c>, <c>cinematic-kodak-zit</c>,
    /// <c>candid-instax-zit</c>, <c>nsfw-master-zit</c>, <c>zimage-turbo-nsfw</c>.
    /// </summary>
    [JsonIgnore]
    public required LoraReference Lora { get; init; }

    /// <summary>The positive prompt. Required: the server answers 400 <c>prompt is required</c> without it (after the LoRA checks).</summary>
    public required string Prompt { get; init; }

    /// <summary>LoRA strength (model only). Server default: 1.0.</summary>
    public double? LoraStrength { get; init; }

    /// <summary>A trigger word put before the prompt. Server default: none.</summary>
    public string? TriggerWord { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 9 (older docs say 8).</summary>
    public int? Steps { get; init; }

    /// <summary>KSampler CFG. Server default: 1.0 (older docs say 4.5).</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Only logged and echoed in the <c>x-nsfw-mode</c> header; no effect on the image. Server default: false.</summary>
    public bool? Nsfw { get; init; }

    [JsonInclude]
    [JsonPropertyName("lora_id")]
    internal string? LoraId => Lora?.Id;

    [JsonInclude]
    [JsonPropertyName("lora_name")]
    internal string? LoraName => Lora?.Name;

    string? IPromptedRequest.PromptText => Prompt;

    ZImageLoraRequest ISeededRequest<ZImageLoraRequest>.WithSeed(long seed) => this with { Seed = seed };
}
