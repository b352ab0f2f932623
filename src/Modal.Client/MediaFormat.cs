namespace Modal.Client;

/// <summary>A media format recognised from its bytes (never from a <c>Content-Type</c> label).</summary>
public enum MediaFormat
{
    /// <summary>Not a format Modal.Client recognises.</summary>
    Unknown,

    /// <summary>PNG (<c>89 50 4E 47</c>).</summary>
    Png,

    /// <summary>JPEG (<c>FF D8 FF</c>).</summary>
    Jpeg,

    /// <summary>A still WebP image (<c>RIFF….WEBP</c>).</summary>
    WebP,

    /// <summary>An animated WebP (<c>RIFF….WEBP</c> with an <c>ANIM</c> chunk), as the Wan endpoints return.</summary>
    AnimatedWebP,

    /// <summary>GIF (<c>GIF87a</c>/<c>GIF89a</c>); accepted as input only.</summary>
    Gif,

    /// <summary>An MP4 or QuickTime container (<c>….ftyp</c>).</summary>
    Mp4,

    /// <summary>WebM / Matroska (<c>1A 45 DF A3</c>); accepted as input only.</summary>
    WebM,
}
