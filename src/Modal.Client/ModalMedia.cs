using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// An image or video sent to an endpoint (a reference face, a source image, a mask, a video). Build it from a file,
/// bytes or a stream; the format is recognised from the bytes, and it is sent as a <c>data:</c> URL with that MIME type,
/// which every decoder of the servers accepts.
/// </summary>
/// <remarks>
/// <para>
/// Media from <see cref="FromFileAsync"/> and from a seekable stream (<see cref="FromStreamAsync"/>) are not held in
/// memory: only their first bytes are read when the media is created, and the content is read again, in small chunks,
/// each time a request carrying it is sent (a retry sends the same bytes). The request body's exact length is computed
/// up front, so it is sent with a <c>Content-Length</c>, never chunked.
/// </para>
/// <para>
/// So the file or stream must stay as it was until the call has sent its request: a file that was deleted or changed
/// size, or a stream that was closed or changed length, makes the call throw <see cref="InvalidOperationException"/>
/// before anything is sent.
/// </para>
/// </remarks>
[JsonConverter(typeof(ModalMediaJsonConverter))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The only disposable field is a SemaphoreSlim whose wait handle is never used: it holds no unmanaged resource.")]
public sealed class ModalMedia
{
    /// <summary>Enough of the start of a file to recognise its format.</summary>
    private const int HeadLength = 64;

    /// <summary>Raw bytes encoded per chunk: a multiple of 3, so chunks encode to base64 without padding.</summary>
    internal const int RawChunk = 96 * 1024;

    /// <summary>The base64 bytes one <see cref="RawChunk"/> encodes to.</summary>
    internal const int EncodedChunk = RawChunk / 3 * 4;

    private readonly ReadOnlyMemory<byte> _content;
    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly long _streamStart;

    /// <summary>Serializes the sends of a stream-backed media (one stream has one position).</summary>
    [SuppressMessage("Reliability", "CA2213:Disposable fields should be disposed", Justification = "A SemaphoreSlim whose wait handle is never used holds no unmanaged resource.")]
    private readonly SemaphoreSlim? _streamGate;

    private ModalMedia(ReadOnlyMemory<byte> content, MediaFormat format)
    {
        _content = content;
        Length = content.Length;
        Format = format;
    }

    private ModalMedia(string path, long length, MediaFormat format)
    {
        _path = path;
        Length = length;
        Format = format;
    }

    private ModalMedia(Stream stream, long start, long length, MediaFormat format)
    {
        _stream = stream;
        _streamStart = start;
        _streamGate = new SemaphoreSlim(1, 1);
        Length = length;
        Format = format;
    }

    /// <summary>
    /// The raw bytes, for media built from bytes or a data URL (and from a stream that cannot seek, which is read into
    /// memory). Media from a file or a seekable stream are read when they are sent, not held: see <see cref="IsInMemory"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The media is read from a file or a stream when it is sent.</exception>
    public ReadOnlyMemory<byte> Content => IsInMemory
        ? _content
        : throw new InvalidOperationException(
            $"This {MediaType} media is read from {SourceText} each time it is sent, so its bytes are not held in memory. "
            + "Read the file or stream yourself if you need them, or build the media with ModalMedia.FromBytes.");

    /// <summary>
    /// <see langword="true"/> when the bytes are held in memory (<see cref="FromBytes"/>, <see cref="FromDataUrl"/>, a
    /// stream that cannot seek); <see langword="false"/> when they are read from a file or a stream each time they are sent.
    /// </summary>
    public bool IsInMemory => _path is null && _stream is null;

    /// <summary>The size of the media in bytes (before base64 encoding).</summary>
    public long Length { get; }

    /// <summary>The format recognised from the bytes.</summary>
    public MediaFormat Format { get; }

    /// <summary>The MIME type sent in the data URL, for example <c>image/png</c>.</summary>
    public string MediaType => MediaSniffer.MediaType(Format);

    /// <summary><see langword="true"/> for a still image (PNG, JPEG, WebP, GIF).</summary>
    public bool IsImage => MediaSniffer.IsImage(Format);

    /// <summary><see langword="true"/> for a video (MP4, WebM, animated WebP).</summary>
    public bool IsVideo => MediaSniffer.IsVideo(Format);

    /// <summary>The data URL's prefix, <c>data:&lt;mime&gt;;base64,</c>.</summary>
    internal string DataUrlPrefix => $"data:{MediaType};base64,";

    /// <summary>The length in UTF-8 bytes of the data URL.</summary>
    internal long DataUrlLength => DataUrlPrefix.Length + ((Length + 2) / 3 * 4);

    private string SourceText => _path is not null ? $"the file '{Path.GetFileName(_path)}'" : _stream is not null ? "a stream" : "memory";

    /// <summary>Wraps bytes of a PNG, JPEG, WebP, GIF, MP4 or WebM file.</summary>
    /// <param name="content">The file's bytes. They are not copied: do not change them afterwards.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The bytes are empty or not a recognised image or video.</exception>
    public static ModalMedia FromBytes(ReadOnlyMemory<byte> content) => Create(content, nameof(content));

    /// <summary>
    /// Uses a PNG, JPEG, WebP, GIF, MP4 or WebM file. Only its first bytes are read now (to recognise the format); the
    /// file is read again, in small chunks, each time a request carrying it is sent, so a large video is never held in memory.
    /// </summary>
    /// <param name="path">The file to send. It must not be deleted or change size until the calls that send it have sent their requests.</param>
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

        var full = Path.GetFullPath(path);
        var file = OpenFile(full);
        await using (file.ConfigureAwait(false))
        {
            var head = new byte[HeadLength];
            var read = await file.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var format = Sniff(head.AsSpan(0, read), nameof(path), $" (file '{Path.GetFileName(path)}')");
            return new ModalMedia(full, file.Length, format);
        }
    }

    /// <summary>
    /// Uses media from a stream. A seekable stream (a <see cref="FileStream"/>, a <see cref="MemoryStream"/>, ASP.NET
    /// Core's <c>IFormFile.OpenReadStream()</c>) is not copied: its bytes from the current position to its end are read
    /// each time a request carrying the media is sent, so the stream must stay open and unchanged until those calls
    /// have sent their requests (the SDK never closes it). A stream that cannot seek (a network stream) is read into
    /// memory now, because a request's length must be known before it is sent and a retry must send it again; for a large
    /// input from the network, save it to a file and use <see cref="FromFileAsync"/>.
    /// </summary>
    /// <param name="stream">A readable stream positioned at the start of the media.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The media.</returns>
    /// <exception cref="ArgumentException">The stream is not readable, is empty or is not a recognised image or video.</exception>
    public static async Task<ModalMedia> FromStreamAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read (it is closed or write-only). Pass an open, readable stream.", nameof(stream));
        }

        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Create(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), nameof(stream));
        }

        var start = stream.Position;
        var length = stream.Length - start;
        var head = new byte[(int)Math.Min(HeadLength, Math.Max(length, 0))];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = start;
        if (length <= 0)
        {
            throw new ArgumentException("The media stream is empty (nothing from its position to its end). Pass the bytes of a PNG, JPEG, WebP, GIF, MP4 or WebM file.", nameof(stream));
        }

        return new ModalMedia(stream, start, length, Sniff(head.AsSpan(0, read), nameof(stream)));
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

    /// <summary>The data URL sent on the wire, built in memory on each call (large for videos). Only for in-memory media.</summary>
    /// <returns><c>data:&lt;mime&gt;;base64,&lt;data&gt;</c>.</returns>
    /// <exception cref="InvalidOperationException">The media is read from a file or a stream when it is sent (<see cref="IsInMemory"/> is <see langword="false"/>).</exception>
    public string ToDataUrl() => $"data:{MediaType};base64,{Convert.ToBase64String(Content.Span)}";

    /// <inheritdoc/>
    public override string ToString() => $"{MediaType}, {Length} bytes" + (IsInMemory ? string.Empty : $", read from {SourceText} when sent");

    /// <summary>
    /// Checks, before a request carrying the media is built, that its file or stream can still give the bytes it had
    /// (same length; the stream open), so a changed input fails before anything is sent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file was deleted or changed size, or the stream was closed or changed length.</exception>
    internal void EnsureReadable()
    {
        if (_path is not null)
        {
            var info = new FileInfo(_path);
            if (!info.Exists || info.Length != Length)
            {
                throw new InvalidOperationException(
                    $"The media file '{_path}' {(info.Exists ? $"changed size since ModalMedia.FromFileAsync read it ({Length} bytes, now {info.Length})" : "was deleted after ModalMedia.FromFileAsync read it")}. "
                    + "Keep the file unchanged until the call has sent its request, or create the ModalMedia again.");
            }
        }
        else if (_stream is not null)
        {
            if (!_stream.CanSeek || !_stream.CanRead)
            {
                throw new InvalidOperationException(
                    "The stream given to ModalMedia.FromStreamAsync was closed before the request was sent: the SDK reads it when it sends the request. "
                    + "Keep the stream open until the call completes, or use ModalMedia.FromFileAsync or FromBytes.");
            }

            if (_stream.Length - _streamStart != Length)
            {
                throw new InvalidOperationException(
                    $"The stream given to ModalMedia.FromStreamAsync changed length since the media was created ({Length} bytes from position {_streamStart}, now {_stream.Length - _streamStart}). "
                    + "Keep it unchanged until the call has sent its request, or create the ModalMedia again.");
            }
        }
    }

    /// <summary>
    /// Writes the media's bytes as base64 to <paramref name="destination"/>, reading a file or stream in chunks of
    /// <see cref="RawChunk"/> bytes. <paramref name="raw"/> holds at least <see cref="RawChunk"/> bytes and
    /// <paramref name="encoded"/> at least <see cref="EncodedChunk"/>.
    /// </summary>
    internal async Task WriteBase64Async(Stream destination, byte[] raw, byte[] encoded, CancellationToken cancellationToken)
    {
        if (_path is not null)
        {
            var file = OpenFile(_path);
            await using (file.ConfigureAwait(false))
            {
                if (file.Length != Length)
                {
                    throw new IOException($"The media file '{_path}' changed size while it was being sent ({Length} bytes expected, now {file.Length}).");
                }

                await CopyBase64Async(file, Length, destination, raw, encoded, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (_stream is not null)
        {
            await _streamGate!.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                EnsureReadable();
                _stream.Position = _streamStart;
                await CopyBase64Async(_stream, Length, destination, raw, encoded, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _streamGate.Release();
            }

            return;
        }

        for (var offset = 0; offset < _content.Length; offset += RawChunk)
        {
            var chunk = _content.Slice(offset, Math.Min(RawChunk, _content.Length - offset));
            Base64.EncodeToUtf8(chunk.Span, encoded, out _, out var written);
            await destination.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyBase64Async(Stream source, long length, Stream destination, byte[] raw, byte[] encoded, CancellationToken cancellationToken)
    {
        var remaining = length;
        while (remaining > 0)
        {
            var wanted = (int)Math.Min(RawChunk, remaining);
            var filled = await source.ReadAtLeastAsync(raw.AsMemory(0, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < wanted)
            {
                throw new IOException($"The media ended early while it was being sent: {length - remaining + filled} of {length} bytes.");
            }

            remaining -= filled;
            var status = Base64.EncodeToUtf8(raw.AsSpan(0, filled), encoded, out _, out var written);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException($"Base64 encoding stopped with {status}.");
            }

            await destination.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static MediaFormat Sniff(ReadOnlySpan<byte> head, string paramName, string source = "")
    {
        if (head.IsEmpty)
        {
            throw new ArgumentException($"The media{source} is empty. Pass the bytes of a PNG, JPEG, WebP, GIF, MP4 or WebM file.", paramName);
        }

        var format = MediaSniffer.Sniff(head);
        return format == MediaFormat.Unknown
            ? throw new ArgumentException(
                $"The media{source} is not a PNG, JPEG, WebP, GIF, MP4 or WebM file (its first bytes match none of them). Pass an image or a video.", paramName)
            : format;
    }

    private static ModalMedia Create(ReadOnlyMemory<byte> content, string paramName, string source = "")
        => new(content, Sniff(content.Span, paramName, source));
}
