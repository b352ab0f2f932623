using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>Writes a closed choice as its wire string. Requests are only ever written, never read.</summary>
internal sealed class WireValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IWireValue
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException($"{typeof(T).Name} is written to requests only.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.WireValue);
}
