using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /qwen-image-2512</c> request: Qwen-Image 2512, high quality, on ryla-qwen-image.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record QwenImage2512Request : ISeededRequest<QwenImage2512Request>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.QwenImage2512Request;

    /// <summary>The positive prompt. Optional: the server uses "A beautiful woman" without one.</summary>
    public string? Prompt { get; init; }

    /// <summary>
    /// An aspect ratio, which sets the size (see each <see cref="QwenAspectRatio"/> member). Exclusive with
    /// <see cref="Width"/> and <see cref="Height"/>: the server lets the ratio win and ignores them, so a request with both is
    /// refused before sending. Server default: none.
    /// </summary>
    public QwenAspectRatio? AspectRatio { get; init; }

    /// <summary>Output width in pixels; not with <see cref="AspectRatio"/>. Server default: 1328.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels; not with <see cref="AspectRatio"/>. Server default: 1328.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 50.</summary>
    public int? Steps { get; init; }

    /// <summary>CFG. Server default: 4.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    /// <summary>The negative prompt. Server default: a Chinese quality negative, also used when this is empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Adds the Lightning 4-step LoRA (the steps default stays 50: set <see cref="Steps"/> too). Server default: false.</summary>
    public bool? UseLightningLora { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    QwenImage2512Request ISeededRequest<QwenImage2512Request>.WithSeed(long seed) => this with { Seed = seed };
}
