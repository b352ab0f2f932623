using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Modal.Client.Benchmarks;

/// <summary>
/// The hand-written limit for a large input: the /video-faceswap JSON written while it is sent, the video as a base64
/// data URL encoded in pooled chunks straight from the file (or from memory) to the socket, with its exact length computed up
/// front (a Content-Length, not chunked). Nothing is validated, sniffed or retried.
/// </summary>
internal sealed class RawStreamedBase64Content : HttpContent
{
    /// <summary>Raw bytes per chunk, a multiple of 3 (no padding between chunks).</summary>
    private const int RawChunk = 96 * 1024;

    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("""{"source_video":"data:video/mp4;base64,""");

    private readonly string? _path;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _length;
    private readonly byte[] _suffix;

    private RawStreamedBase64Content(string? path, ReadOnlyMemory<byte> bytes, long length, string referenceImageDataUrl)
    {
        _path = path;
        _bytes = bytes;
        _length = length;
        _suffix = Encoding.UTF8.GetBytes("\",\"reference_image\":\"" + referenceImageDataUrl + "\"}");
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    public static RawStreamedBase64Content FromFile(string path, string referenceImageDataUrl)
        => new(path, default, new FileInfo(path).Length, referenceImageDataUrl);

    public static RawStreamedBase64Content FromBytes(ReadOnlyMemory<byte> bytes, string referenceImageDataUrl)
        => new(null, bytes, bytes.Length, referenceImageDataUrl);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var raw = ArrayPool<byte>.Shared.Rent(RawChunk);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(RawChunk));
        try
        {
            await stream.WriteAsync(Prefix, cancellationToken);
            if (_path is null)
            {
                for (var offset = 0; offset < _bytes.Length; offset += RawChunk)
                {
                    Base64.EncodeToUtf8(_bytes.Span.Slice(offset, Math.Min(RawChunk, _bytes.Length - offset)), encoded, out _, out var written);
                    await stream.WriteAsync(encoded.AsMemory(0, written), cancellationToken);
                }
            }
            else
            {
                await using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
                int read;
                while ((read = await file.ReadAtLeastAsync(raw.AsMemory(0, RawChunk), RawChunk, throwOnEndOfStream: false, cancellationToken)) > 0)
                {
                    Base64.EncodeToUtf8(raw.AsSpan(0, read), encoded, out _, out var written);
                    await stream.WriteAsync(encoded.AsMemory(0, written), cancellationToken);
                }
            }

            await stream.WriteAsync(_suffix, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = Prefix.Length + ((_length + 2) / 3 * 4) + _suffix.Length;
        return true;
    }
}
