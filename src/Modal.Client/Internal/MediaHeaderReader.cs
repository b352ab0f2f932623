namespace Modal.Client.Internal;

/// <summary>
/// Reads what a result's header says (pixel size; frames and duration of an animation or video), from the bytes in
/// memory or from the file a result was streamed to. Bounded, and never throws: a file it cannot read or make sense of
/// gives <see cref="MediaInfo.None"/>.
/// </summary>
internal static class MediaHeaderReader
{
    public static MediaInfo Read(ReadOnlyMemory<byte> content, MediaFormat format)
    {
        using var bytes = MediaBytes.FromMemory(content);
        return Read(bytes, format);
    }

    public static MediaInfo Read(MediaBytes bytes, MediaFormat format) => format switch
    {
        MediaFormat.Png => PngHeaderReader.Read(bytes),
        MediaFormat.Jpeg => JpegHeaderReader.Read(bytes),
        MediaFormat.WebP or MediaFormat.AnimatedWebP => WebPHeaderReader.Read(bytes),
        MediaFormat.Mp4 => Mp4HeaderReader.Read(bytes),
        _ => MediaInfo.None,
    };

    /// <summary>A result's header: from its file when it was streamed to one (its <c>Content</c> is then only the first bytes).</summary>
    public static MediaInfo Read(in GenerationDetails details)
    {
        if (details.Info is { } known)
        {
            return known;
        }

        if (details.FilePath is null)
        {
            return Read(details.Content, details.Format);
        }

        try
        {
            using var file = MediaBytes.FromFile(details.FilePath);
            return Read(file, details.Format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The file moved or cannot be read: what the first bytes say is all there is.
            return Read(details.Content, details.Format);
        }
    }
}
