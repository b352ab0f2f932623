using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A <c>POST /video-faceswap</c> request: ReActor face swap over a video, on ryla-qwen-image. The result is an MP4.</summary>
/// <remarks>
/// Unset members are omitted from the JSON, so the server's defaults (documented on each member) apply. There is no seed.
/// A failing graph is only detected by the server's 10-minute poll limit, so a broken input can take that long to fail.
/// </remarks>
public sealed record VideoFaceSwapRequest : IMediaRequest, IJsonRequest
{
    /// <inheritdoc/>
    System.Text.Json.Serialization.Metadata.JsonTypeInfo IJsonRequest.JsonTypeInfo => ModalJsonContext.Default.VideoFaceSwapRequest;

    /// <summary>The video whose faces are replaced. Required; MP4 is the supported input (animated WebP is not).</summary>
    public required ModalMedia SourceVideo { get; init; }

    /// <summary>The face to insert. Required.</summary>
    public required ModalMedia ReferenceImage { get; init; }

    /// <summary>
    /// Frame rate used to read the source (VHS_LoadVideo <c>force_rate</c>, at most 60) and to write the output, 1 to 60.
    /// Server default: 30 (older docs say 24).
    /// </summary>
    public int? Fps { get; init; }

    /// <summary>Restore faces with GFPGAN v1.4. Server default: true.</summary>
    public bool? RestoreFace { get; init; }

    /// <summary>Visibility of the restored face (ReActorFaceSwap), 0.1 to 1. Server default: 1.0.</summary>
    public double? FaceRestoreVisibility { get; init; }

    /// <summary>CodeFormer weight, 0 to 1. Server default: 0.5.</summary>
    public double? CodeformerWeight { get; init; }
}
