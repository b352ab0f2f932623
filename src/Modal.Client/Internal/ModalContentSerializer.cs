using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace Modal.Client.Internal;

/// <summary>
/// Refit's one serializer seam, bound to <see cref="ModalJsonContext"/>. Bodies carry a Content-Length (no chunked
/// encoding) and can be sent again on a retry; media is streamed as base64 chunks by <see cref="ModalJsonContent"/>.
/// </summary>
/// <remarks>
/// It is also an <see cref="ISynchronousContentSerializer"/>: with <see cref="RefitSettings.RequestBodySerialization"/>
/// set to <see cref="RequestBodySerializationMode.Streamed"/> and <see cref="RefitSettings.Buffered"/> off, Refit 16 sends
/// the content returned here as it is. Any other combination makes Refit either wrap it in a chunked push stream (no
/// Content-Length) or load it whole into memory before sending.
/// </remarks>
internal sealed class ModalContentSerializer : IHttpContentSerializer, ISynchronousContentSerializer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <exception cref="InvalidOperationException">A media's file or stream changed or was closed since the media was created.</exception>
    public HttpContent ToHttpContent<T>(T item)
    {
        var typeInfo = TypeInfo(item);
        byte[] skeleton;
        if (item is IMediaRequest)
        {
            var media = new List<ModalMedia>();
            skeleton = ModalMediaJsonConverter.SerializeDeferringMedia(item, typeInfo, media);
            if (media.Count > 0)
            {
                return new ModalJsonContent(skeleton, media);
            }
        }
        else
        {
            skeleton = JsonSerializer.SerializeToUtf8Bytes(item, typeInfo);
        }

        var content = new ByteArrayContent(skeleton);
        content.Headers.ContentType = Json;
        return content;
    }

    public HttpContent ToHttpContentSynchronous<T>(T item) => ToHttpContent(item);

    public HttpContent ToStreamingHttpContent<T>(T item) => ToHttpContent(item);

    /// <summary>Not used: every SDK call reads its answer as an <see cref="HttpResponseMessage"/>; the context only writes requests.</summary>
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"Modal.Client reads answers as HttpResponseMessage and never deserializes {typeof(T).Name}.");

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;

    private static JsonTypeInfo<T> TypeInfo<T>(T item) =>
        (item as IJsonRequest)?.JsonTypeInfo as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not a request of {nameof(ModalJsonContext)} (IJsonRequest).");
}
