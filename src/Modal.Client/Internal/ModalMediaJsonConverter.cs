using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>
/// Writes <see cref="ModalMedia"/> as a data URL. While <see cref="ModalContentSerializer"/> serializes a request, media is
/// written as a short placeholder instead, and <see cref="ModalJsonContent"/> streams the data URL in base64 chunks
/// straight to the network, so a 50 MB video is never held as one large string.
/// </summary>
/// <remarks>
/// The media of one serialization are collected per <see cref="Utf8JsonWriter"/> (each serialization has its own), not
/// in thread-static or async-local state, so concurrent serializations never see each other's media.
/// </remarks>
internal sealed class ModalMediaJsonConverter : JsonConverter<ModalMedia>
{
    private static readonly ConditionalWeakTable<Utf8JsonWriter, List<ModalMedia>> Deferred = [];

    /// <summary>Serializes <paramref name="value"/> with every media written as <see cref="Placeholder"/>, collected in <paramref name="media"/>.</summary>
    public static byte[] SerializeDeferringMedia<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, List<ModalMedia> media)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = typeInfo.Options.Encoder, Indented = false, SkipValidation = true });
        Deferred.AddOrUpdate(writer, media);
        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
        }
        finally
        {
            Deferred.Remove(writer);
            writer.Dispose();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Placeholder(int index) => $"\u0001modal-media-{index}\u0001";

    public override ModalMedia Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ModalMedia.FromDataUrl(reader.GetString() ?? throw new JsonException("A media value must be a data URL string."));

    public override void Write(Utf8JsonWriter writer, ModalMedia value, JsonSerializerOptions options)
    {
        if (Deferred.TryGetValue(writer, out var deferred))
        {
            deferred.Add(value);
            writer.WriteStringValue(Placeholder(deferred.Count - 1));
            return;
        }

        writer.WriteStringValue(value.ToDataUrl());
    }
}
