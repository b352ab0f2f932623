namespace Modal.Client.Extensions.AI.Internal;

/// <summary>How one Modal image endpoint is driven through <c>IImageGenerator</c>.</summary>
internal sealed class ImageEndpointMapping
{
    /// <summary>The endpoint path, for example <c>/flux-dev</c>.</summary>
    public required string Path { get; init; }

    /// <summary>What it takes from the original images.</summary>
    public required ImageInput Input { get; init; }

    /// <summary>The real format of what it returns (contract §1: PNG bytes everywhere but inpaint's real JPEG).</summary>
    public string OutputMediaType { get; init; } = "image/png";

    /// <summary>The wire names accepted in <c>AdditionalProperties</c>, besides <c>seed</c> and the guidance aliases.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>Builds the typed request for one image (reading and converting the fields) and returns the call to make.</summary>
    public required Func<IModalClient, ImageCall, Func<CancellationToken, Task<GeneratedImage>>> Build { get; init; }

    /// <summary>Whether <c>ImageSize</c> maps to the request's width and height.</summary>
    public bool TakesSize => Input is ImageInput.None or ImageInput.Reference;

    /// <inheritdoc/>
    public override string ToString() => Path;
}
