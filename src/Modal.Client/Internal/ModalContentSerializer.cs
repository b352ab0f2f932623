using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<Type, bool> MediaTypes = new();

    /// <summary>
    /// The context's options, with C# <c>required</c> not enforced as JSON "required": requests are only written, and a
    /// required member that is written under other names (<c>Lora</c> as <c>lora_id</c>/<c>lora_name</c>) has no setter.
    /// </summary>
    internal static readonly JsonSerializerOptions Options = new(ModalJsonContext.Default.Options)
    {
        TypeInfoResolver = ModalJsonContext.Default.WithAddedModifier(static info =>
        {
            foreach (var property in info.Properties)
            {
                property.IsRequired = false;
            }
        }),
    };

    /// <exception cref="InvalidOperationException">A media's file or stream changed or was closed since the media was created.</exception>
    public HttpContent ToHttpContent<T>(T item)
    {
        var typeInfo = TypeInfo<T>();
        byte[] skeleton;
        if (CarriesMedia(typeInfo))
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

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, TypeInfo<T>(), cancellationToken).ConfigureAwait(false);
        }
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;

    /// <summary>
    /// Whether a request type has media members (requests are flat records). The others are serialized on the pooled
    /// fast path; were media ever nested deeper, they would still be written correctly, as whole data URLs.
    /// </summary>
    private static bool CarriesMedia(JsonTypeInfo typeInfo) => MediaTypes.GetOrAdd(
        typeInfo.Type,
        static (_, info) => info.Properties.Any(p => p.PropertyType == typeof(ModalMedia) || typeof(IEnumerable<ModalMedia>).IsAssignableFrom(p.PropertyType)),
        typeInfo);

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(ModalJsonContext)}.");
}
