using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>An image an endpoint produced (PNG for most endpoints, a real JPEG for inpaint).</summary>
/// <remarks>
/// <see cref="Width"/> and <see cref="Height"/> are what the file says, which can differ from the size asked for: the
/// latent-image nodes floor sizes to multiples of 8, /seedvr2 scales, and the edit endpoints follow the source image.
/// </remarks>
public sealed class GeneratedImage : GeneratedMedia
{
    internal GeneratedImage(in GenerationDetails details)
        : base(details)
    {
        var info = MediaHeaderReader.Read(details);
        Width = info.Width;
        Height = info.Height;
    }

    /// <summary>
    /// The width in pixels, read from the file header (PNG <c>IHDR</c>, JPEG start-of-frame, WebP <c>VP8</c>/<c>VP8L</c>/<c>VP8X</c>);
    /// <see langword="null"/> when the header does not give it.
    /// </summary>
    public int? Width { get; }

    /// <summary>The height in pixels, read from the file header like <see cref="Width"/>.</summary>
    public int? Height { get; }
}
