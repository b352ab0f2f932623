namespace Modal.Client;

/// <summary>
/// A text-to-image request that any text-to-image endpoint can run (<see cref="IModelSelector.GenerateImageAsync(TextToImagePrompt, ModalEndpoint, bool, ModalCallOptions?, CancellationToken)"/>).
/// Members an endpoint does not read (for example a negative prompt on /flux-pulid) are left out for it.
/// </summary>
public sealed record TextToImagePrompt
{
    /// <summary>The prompt. Required.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt, for endpoints that read one.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels; the endpoint's default when unset.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels; the endpoint's default when unset.</summary>
    public int? Height { get; init; }

    /// <summary>The seed; a random one when unset.</summary>
    public long? Seed { get; init; }
}
