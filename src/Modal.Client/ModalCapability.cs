namespace Modal.Client;

/// <summary>What an endpoint can do, for <see cref="ModelSelector"/> queries.</summary>
[Flags]
public enum ModalCapability
{
    /// <summary>No capability.</summary>
    None = 0,

    /// <summary>Generates an image from a prompt.</summary>
    TextToImage = 1,

    /// <summary>Keeps a face from a reference image.</summary>
    FaceConsistency = 2,

    /// <summary>Loads a character or style LoRA.</summary>
    Lora = 4,

    /// <summary>Generates a video.</summary>
    Video = 8,

    /// <summary>Swaps a face into a video.</summary>
    VideoFaceSwap = 16,

    /// <summary>Edits an existing image.</summary>
    Editing = 32,

    /// <summary>Upscales an image.</summary>
    Upscaling = 64,
}
