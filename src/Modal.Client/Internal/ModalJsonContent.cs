using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Modal.Client.Internal;

/// <summary>
/// A request body: the JSON of the request with every media value written as a base64 data URL while the body is
/// sent, in pooled chunks, reading media from a file or stream as it goes (nothing is buffered whole). Its exact length
/// is computed up front, so it is sent with a Content-Length, never chunked; it can be sent again on a retry (the media
/// are read again).
/// </summary>
internal sealed class ModalJsonContent : HttpContent
{
    private readonly byte[] _skeleton;
    private readonly List<ModalMedia> _media;
    private readonly List<(int Start, int Length)> _placeholders;

    /// <exception cref="InvalidOperationException">A media's file or stream changed or was closed since the media was created.</exception>
    public ModalJsonContent(byte[] skeleton, List<ModalMedia> media)
    {
        foreach (var item in media)
        {
            item.EnsureReadable();
        }

        _skeleton = skeleton;
        _media = media;
        _placeholders = Locate(skeleton, media.Count);
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var raw = ArrayPool<byte>.Shared.Rent(ModalMedia.RawChunk);
        var encoded = ArrayPool<byte>.Shared.Rent(ModalMedia.EncodedChunk);
        try
        {
            var position = 0;
            for (var i = 0; i < _media.Count; i++)
            {
                var (start, length) = _placeholders[i];
                await stream.WriteAsync(_skeleton.AsMemory(position, start - position), cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(_media[i].DataUrlPrefix), cancellationToken).ConfigureAwait(false);
                await _media[i].WriteBase64Async(stream, raw, encoded, cancellationToken).ConfigureAwait(false);
                position = start + length;
            }

            await stream.WriteAsync(_skeleton.AsMemory(position), cancellationToken).ConfigureAwait(false);
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
        length = _skeleton.Length;
        for (var i = 0; i < _media.Count; i++)
        {
            length += _media[i].DataUrlLength - _placeholders[i].Length;
        }

        return true;
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
