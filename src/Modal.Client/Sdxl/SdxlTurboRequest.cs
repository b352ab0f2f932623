using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /sdxl-turbo</c> request: SDXL Turbo text-to-image on ryla-instantid.</summary>
/// <remarks>
/// The route was deleted from ryla-instantid by commit e5a81e3 and the live app answered 404 on 2026-02-06; a call then
/// fails with <see cref="ModalEndpointNotDeployedException"/>. The fields are those of the 2026-02-01 route. CFG is forced
/// to 0 by the server, so there is no CFG member.
/// </remarks>
public sealed record SdxlTurboRequest : ISeededRequest<SdxlTurboRequest>, IPromptedRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.SdxlTurboRequest;

    /// <summary>The positive prompt. Required.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt. Server default: empty.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels. Server default: 1024.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels. Server default: 1024.</summary>
    public int? Height { get; init; }

    /// <summary>Sampling steps, 1 to 4 (the server clamps to that range). Server default: 4.</summary>
    public int? Steps { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would use a fixed 42) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    SdxlTurboRequest ISeededRequest<SdxlTurboRequest>.WithSeed(long seed) => this with { Seed = seed };
}
