using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /z-image-simple</c> request: Z-Image-Turbo text-to-image, on ryla-z-image.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record ZImageSimpleRequest : ISeededRequest<ZImageSimpleRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.ZImageSimpleRequest;

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>Output width in pixels, 256 to 4096 (ZImageSampler). Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels, 256 to 4096 (ZImageSampler). Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps, 1 to 100 (ZImageSampler). Server default: 4.</summary>
    public int? Steps { get; init; }

    /// <summary>CFG, sent as <c>cfg</c> and fed to ZImageSampler <c>guidance_scale</c>, 0 to 20. Server default: 0.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    ZImageSimpleRequest ISeededRequest<ZImageSimpleRequest>.WithSeed(long seed) => this with { Seed = seed };
}
