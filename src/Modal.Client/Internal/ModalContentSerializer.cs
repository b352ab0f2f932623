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
internal sealed class ModalContentSerializer : IHttpContentSerializer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

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

    public HttpContent ToHttpContent<T>(T item)
    {
        var typeInfo = TypeInfo<T>();
        var media = new List<ModalMedia>();
        byte[] skeleton;
        using (ModalMediaJsonConverter.Defer(media))
        {
            skeleton = JsonSerializer.SerializeToUtf8Bytes(item, typeInfo);
        }

        if (media.Count > 0)
        {
            return new ModalJsonContent(skeleton, media);
        }

        var content = new ByteArrayContent(skeleton);
        content.Headers.ContentType = Json;
        return content;
    }

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

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(ModalJsonContext)}.");
}
