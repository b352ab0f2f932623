namespace Modal.Client;

/// <summary>What an endpoint returns.</summary>
public enum ModalOutputKind
{
    /// <summary>A still image (PNG, or a JPEG for inpaint).</summary>
    Image,

    /// <summary>An animated WebP video (the Wan 2.6 endpoints; labelled <c>image/webp</c>, not MP4).</summary>
    AnimatedWebP,

    /// <summary>An MP4 (H.264) video.</summary>
    Mp4,
}
