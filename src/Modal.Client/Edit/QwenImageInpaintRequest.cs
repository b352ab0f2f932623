using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /qwen-image-inpaint-2511</c> request: mask inpaint (edit + composite), on ryla-qwen-image. The result is a real JPEG.</summary>
/// <remarks>
/// The whole image is edited with <see cref="Prompt"/> as an instruction, then composited onto the source through the
/// mask. There is no denoise member: the server uses 0.8.
/// </remarks>
public sealed record QwenImageInpaintRequest : ISeededRequest<QwenImageInpaintRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.QwenImageInpaintRequest;

    /// <summary>The image to change. Required.</summary>
    public required ModalMedia SourceImage { get; init; }

    /// <summary>The mask: white = replace, black = keep; resized to the source when sizes differ. Required.</summary>
    public required ModalMedia MaskImage { get; init; }

    /// <summary>What to paint in the masked area (used as an edit instruction). Required.</summary>
    public required string Prompt { get; init; }

    /// <summary>Sampling steps. Server default: 50.</summary>
    public int? Steps { get; init; }

    /// <summary>CFG. Server default: 4.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    string? IPromptedRequest.PromptText => Prompt;

    QwenImageInpaintRequest ISeededRequest<QwenImageInpaintRequest>.WithSeed(long seed) => this with { Seed = seed };
}
