using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>Writes <see cref="ModalMedia"/> as its data URL string without re-encoding or escaping the base64 text.</summary>
internal sealed class ModalMediaJsonConverter : JsonConverter<ModalMedia>
{
    public override ModalMedia Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ModalMedia.FromDataUrl(reader.GetString() ?? throw new JsonException("A media value must be a data URL string."));

    public override void Write(Utf8JsonWriter writer, ModalMedia value, JsonSerializerOptions options)
        => writer.WriteRawValue(value.JsonStringUtf8, skipInputValidation: true);
}
