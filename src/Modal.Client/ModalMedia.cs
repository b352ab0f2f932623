using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// An image or video sent to an endpoint (a reference face, a source image, a mask, a video). Build it from a file,
/// bytes or a stream; the format is recognised from the bytes, and it is sent as a <c>data:</c> URL with that MIME type,
/// which every decoder of the servers accepts.
/// </summary>
[JsonConverter(typeof(ModalMediaJsonConverter))]
public sealed class ModalMedia
{
    private ModalMedia(ReadOnlyMemory<byte> content, MediaFormat format)
    {
        Content = content;
        Format = format;
    }

    /// <summary>The raw bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The format recognised from the bytes.</summary>
    public MediaFormat Format { get; }

    /// <summary>The MIME type sent in the data URL, for example <c>image/png</c>.</summary>
    public string MediaType => MediaSniffer.MediaType(Format);

    /// <summary><see langword="true"/> for a still image (PNG, JPEG, WebP, GIF).</summary>
    public bool IsImage => MediaSniffer.IsImage(Format);

    /// <summary><see langword="true"/> for a video (MP4, WebM, animated WebP).</summary>
    public bool IsVideo => MediaSniffer.IsVideo(Format);

    /// <summary>Wraps bytes of a PNG, JPEG, WebP, GIF, MP4 or WebM file.</summary>
    /// <param name="content">The file's bytes. They are not copied: do not change them afterwards.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The bytes are empty or not a recognised image or video.</exception>
    public static ModalMedia FromBytes(ReadOnlyMemory<byte> content) => Create(content, nameof(content));

    /// <summary>Reads a PNG, JPEG, WebP, GIF, MP4 or WebM file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The file does not exist, is empty or is not a recognised image or video.</exception>
    public static async Task<ModalMedia> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The media file path is empty: pass the path of an image or video file.", nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"The media file '{path}' does not exist. Pass the path of an existing image or video file.", nameof(path));
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Create(bytes, nameof(path), $" (file '{Path.GetFileName(path)}')");
    }

    /// <summary>Reads a stream to its end.</summary>
    /// <param name="stream">A stream positioned at the start of the media.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The stream is empty or not a recognised image or video.</exception>
    public static async Task<ModalMedia> FromStreamAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Create(buffer.ToArray(), nameof(stream));
    }

    /// <summary>Parses a <c>data:&lt;mime&gt;;base64,&lt;data&gt;</c> URL. The format is taken from the bytes, not from the URL's MIME type.</summary>
    /// <param name="dataUrl">The data URL.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The text is not a base64 data URL of a recognised image or video.</exception>
    public static ModalMedia FromDataUrl(string dataUrl)
    {
        if (string.IsNullOrWhiteSpace(dataUrl))
        {
            throw new ArgumentException("The data URL is empty: pass 'data:<mime>;base64,<data>', or use FromBytes or FromFileAsync.", nameof(dataUrl));
        }

        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        if (!dataUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0
            || !dataUrl.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Expected a base64 data URL such as 'data:image/png;base64,iVBOR…'. Use FromBytes or FromFileAsync for raw files.", nameof(dataUrl));
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(dataUrl[(comma + 1)..]);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(
                "The data URL's payload is not valid base64: pass 'data:<mime>;base64,<standard base64>', or use FromBytes or FromFileAsync with the raw file.",
                nameof(dataUrl),
                ex);
        }

        return Create(bytes, nameof(dataUrl));
    }

    /// <summary>The data URL sent on the wire (built on each call; large for videos).</summary>
    /// <returns><c>data:&lt;mime&gt;;base64,&lt;data&gt;</c>.</returns>
    public string ToDataUrl() => $"data:{MediaType};base64,{Convert.ToBase64String(Content.Span)}";

    /// <inheritdoc/>
    public override string ToString() => $"{MediaType}, {Content.Length} bytes";

    /// <summary>The data URL's prefix, <c>data:&lt;mime&gt;;base64,</c>.</summary>
    internal string DataUrlPrefix => $"data:{MediaType};base64,";

    /// <summary>The length in UTF-8 bytes of the data URL.</summary>
    internal long DataUrlLength => DataUrlPrefix.Length + (((long)Content.Length + 2) / 3 * 4);

    private static ModalMedia Create(ReadOnlyMemory<byte> content, string paramName, string source = "")
    {
        if (content.IsEmpty)
        {
            throw new ArgumentException($"The media{source} is empty. Pass the bytes of a PNG, JPEG, WebP, GIF, MP4 or WebM file.", paramName);
        }

        var format = MediaSniffer.Sniff(content.Span);
        return format == MediaFormat.Unknown
            ? throw new ArgumentException(
                $"The media{source} is not a PNG, JPEG, WebP, GIF, MP4 or WebM file (its first bytes match none of them). Pass an image or a video.", paramName)
            : new ModalMedia(content, format);
    }
}
