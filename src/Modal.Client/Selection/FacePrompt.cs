namespace Modal.Client;

/// <summary>
/// A face-consistency request that any face endpoint can run (<see cref="IModelSelector.GenerateFaceAsync"/>).
/// </summary>
public sealed record FacePrompt
{
    /// <summary>The face to keep. Required.</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>The prompt. Required.</summary>
    public required string Prompt { get; init; }

    /// <summary>The negative prompt, for endpoints that read one (not /flux-pulid).</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Output width in pixels; the endpoint's default when unset.</summary>
    public int? Width { get; init; }

    /// <summary>Output height in pixels; the endpoint's default when unset.</summary>
    public int? Height { get; init; }

    /// <summary>The seed; a random one when unset.</summary>
    public long? Seed { get; init; }
}
