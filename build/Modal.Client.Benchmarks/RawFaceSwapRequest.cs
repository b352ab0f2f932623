namespace Modal.Client.Benchmarks;

/// <summary>The baseline's /video-faceswap body: media as data URL strings, built the obvious way.</summary>
internal sealed class RawFaceSwapRequest
{
    public required string SourceVideo { get; init; }

    public required string ReferenceImage { get; init; }
}
