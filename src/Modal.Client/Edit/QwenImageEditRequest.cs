using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /qwen-image-edit-2511</c> request: edit an image by instruction, on ryla-qwen-image.</summary>
/// <remarks>
/// The output size follows the source. The negative prompt is fixed by the server. Validation failures come back as
/// 500, never 400, which is why the SDK checks the required members before sending.
/// </remarks>
public sealed record QwenImageEditRequest : ISeededRequest<QwenImageEditRequest>, IPromptedRequest, IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.QwenImageEditRequest;

    /// <summary>The image to edit. Required.</summary>
    public required ModalMedia SourceImage { get; init; }

    /// <summary>What to change, for example "make the sky orange". Required.</summary>
    public required string Instruction { get; init; }

    /// <summary>Sampling steps. Server default: 50.</summary>
    public int? Steps { get; init; }

    /// <summary>CFG. Server default: 4.0.</summary>
    public double? Cfg { get; init; }

    /// <summary>The seed. When unset the SDK sends a random one (the server would pick one too) and reports it on the result.</summary>
    public long? Seed { get; init; }

    /// <summary>KSampler denoise, 0 to 1. Server default: 0.8.</summary>
    public double? Denoise { get; init; }

    string? IPromptedRequest.PromptText => Instruction;

    QwenImageEditRequest ISeededRequest<QwenImageEditRequest>.WithSeed(long seed) => this with { Seed = seed };
}
