namespace Modal.Client.Extensions.AI.Internal;

/// <summary>The inputs of one endpoint call (one image of a request's <c>Count</c>).</summary>
/// <param name="Prompt">The request's prompt (the instruction for an edit; unused by /seedvr2).</param>
/// <param name="Image">The original image, for image-input endpoints.</param>
/// <param name="Mask">The inpaint mask.</param>
/// <param name="Width">From <c>ImageSize</c>.</param>
/// <param name="Height">From <c>ImageSize</c>.</param>
/// <param name="Seed">This call's seed; <see langword="null"/> lets the SDK pick one.</param>
/// <param name="Fields">The request's additional properties.</param>
internal sealed record ImageCall(string? Prompt, ModalMedia? Image, ModalMedia? Mask, int? Width, int? Height, long? Seed, AdditionalFields Fields);
