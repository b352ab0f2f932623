namespace Modal.Client;

/// <summary>The use cases of the inventory's "Recommended Model Selection" table.</summary>
public enum ModalUseCase
{
    /// <summary>Fast preview: /z-image-danrisi, else /flux (minimal cold start).</summary>
    FastPreview,

    /// <summary>Quality text-to-image: /qwen-image-2512, else /flux-dev (hyper-realistic).</summary>
    QualityTextToImage,

    /// <summary>Fast quality: /qwen-image-2512-fast, else /flux (4 steps).</summary>
    FastQuality,

    /// <summary>Face consistency: /sdxl-instantid, else /flux-pulid (85-90 % match).</summary>
    FaceConsistency,

    /// <summary>Video: /wan2.6 (text-to-video).</summary>
    Video,

    /// <summary>Video face swap: /video-faceswap (ReActor-based).</summary>
    VideoFaceSwap,

    /// <summary>Upscaling: /seedvr2 (2x realistic).</summary>
    Upscaling,
}
