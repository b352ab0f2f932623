using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Modal.Client.Internal;

/// <summary>
/// A request body: the JSON of the request with every media value streamed as a base64 data URL in small pooled
/// chunks. Its length is known up front (no chunked transfer encoding) and it can be sent again on a retry.
/// </summary>
internal sealed class ModalJsonContent : HttpContent
{
    /// <summary>Raw bytes per chunk: a multiple of 3, so chunks encode to base64 without padding.</summary>
    private const int RawChunk = 48 * 1024;

    private readonly byte[] _skeleton;
    private readonly List<ModalMedia> _media;
    private readonly List<(int Start, int Length)> _placeholders;

    public ModalJsonContent(byte[] skeleton, List<ModalMedia> media)
    {
        _skeleton = skeleton;
        _media = media;
        _placeholders = Locate(skeleton, media.Count);
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(RawChunk));
        try
        {
            var position = 0;
            for (var i = 0; i < _media.Count; i++)
            {
                var (start, length) = _placeholders[i];
                await stream.WriteAsync(_skeleton.AsMemory(position, start - position), cancellationToken).ConfigureAwait(false);
                await WriteDataUrlAsync(stream, _media[i], encoded, cancellationToken).ConfigureAwait(false);
                position = start + length;
            }

            await stream.WriteAsync(_skeleton.AsMemory(position), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _skeleton.Length;
        for (var i = 0; i < _media.Count; i++)
        {
            length += _media[i].DataUrlLength - _placeholders[i].Length;
        }

        return true;
    }

    private static async Task WriteDataUrlAsync(Stream stream, ModalMedia media, byte[] encoded, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(media.DataUrlPrefix), cancellationToken).ConfigureAwait(false);
        var content = media.Content;
        for (var offset = 0; offset < content.Length; offset += RawChunk)
        {
            var chunk = content.Slice(offset, Math.Min(RawChunk, content.Length - offset));
            Base64.EncodeToUtf8(chunk.Span, encoded, out _, out var written);
            await stream.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finds each placeholder's quoted contents (the quotes stay in the skeleton and frame the data URL).</summary>
    private static List<(int Start, int Length)> Locate(byte[] skeleton, int count)
    {
        var found = new List<(int, int)>(count);
        var from = 0;
        for (var i = 0; i < count; i++)
        {
            // The JSON writer escapes the \u0001 markers, so search for their escaped form.
            var marker = Encoding.UTF8.GetBytes(ModalMediaJsonConverter.Placeholder(i).Replace("\u0001", "\\u0001", StringComparison.Ordinal));
            var index = skeleton.AsSpan(from).IndexOf(marker);
            if (index < 0)
            {
                throw new InvalidOperationException($"Media placeholder {i} not found in the serialized request.");
            }

            found.Add((from + index, marker.Length));
            from += index + marker.Length;
        }

        return found;
    }
}
