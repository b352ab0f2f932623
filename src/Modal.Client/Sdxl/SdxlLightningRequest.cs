using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /sdxl-lightning</c> request: SDXL Lightning (4 steps) text-to-image on ryla-instantid.</summary>
/// <remarks>
/// The route was deleted from ryla-instantid by commit e5a81e3 and the live app answered 404 on 2026-02-06; a call then
/// fails with <see cref="ModalEndpointNotDeployedException"/>. Steps are forced to 4 by the server, so there is no steps member.
/// </remarks>
public sealed record SdxlLightningRequest : ISeededRequest<SdxlLightningRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.SdxlLightningRequest;

    /// <summary>The positive prompt. Required.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>KSampler CFG. Server default: 1.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    SdxlLightningRequest ISeededRequest<SdxlLightningRequest>.WithSeed(long seed) => this with { Seed = seed };
}
