namespace Modal.Client.Extensions.AI.Internal;

/// <summary>What an endpoint takes from <c>ImageGenerationRequest.OriginalImages</c>.</summary>
internal enum ImageInput
{
    /// <summary>Text-to-image: no original image.</summary>
    None,

    /// <summary>One reference face; the prompt describes the new image.</summary>
    Reference,

    /// <summary>One image to upscale; there is no prompt.</summary>
    Upscale,

    /// <summary>One image to edit; the prompt is the instruction.</summary>
    Edit,

    /// <summary>One image plus a mask (a second original image or <c>mask_image</c>); the prompt says what to paint.</summary>
    Inpaint,
}
