using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /flux</c> request: Flux Schnell text-to-image on ryla-flux.</summary>
/// <remarks>Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply.</remarks>
public sealed record FluxSchnellRequest : ISeededRequest<FluxSchnellRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.FluxSchnellRequest;

    /// <summary>The positive prompt. Required: the server fails with a 500 <c>KeyError</c> without it.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: a built-in quality negative, also used when this is empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps. Server default: 4.</summary>
    public int? Steps { get; init; }

    /// <summary>KSampler CFG. Server default: 1.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    FluxSchnellRequest ISeededRequest<FluxSchnellRequest>.WithSeed(long seed) => this with { Seed = seed };
}
