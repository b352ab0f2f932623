using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A video an endpoint produced: an animated WebP (the Wan 2.6 endpoints) or an MP4 (/video-faceswap).</summary>
public sealed class GeneratedVideo : GeneratedMedia
{
    internal GeneratedVideo(GenerationDetails details)
        : base(details)
    {
    }

    /// <summary><see langword="true"/> for an animated WebP, which plays in browsers but is not an MP4.</summary>
    public bool IsAnimatedWebP => Format == MediaFormat.AnimatedWebP;
}
