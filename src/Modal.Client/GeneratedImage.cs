using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>An image an endpoint produced (PNG for most endpoints, a real JPEG for inpaint).</summary>
public sealed class GeneratedImage : GeneratedMedia
{
    internal GeneratedImage(GenerationDetails details)
        : base(details)
    {
        var size = MediaSniffer.ImageSize(details.Content.Span, details.Format);
        Width = size?.Width;
        Height = size?.Height;
    }

    /// <summary>The width in pixels read from the file header, when the format carries it (PNG, JPEG).</summary>
    public int? Width { get; }

    /// <summary>The height in pixels read from the file header, when the format carries it (PNG, JPEG).</summary>
    public int? Height { get; }
}
