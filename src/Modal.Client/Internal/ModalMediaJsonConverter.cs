using System.Text.Json;
using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>
/// Writes <see cref="ModalMedia"/> as a data URL. While <see cref="ModalJsonContent"/> serializes a request, media is
/// written as a short placeholder instead, and the data URL is streamed in base64 chunks straight to the network,
/// so a 50 MB video is never held as one large string.
/// </summary>
internal sealed class ModalMediaJsonConverter : JsonConverter<ModalMedia>
{
    [ThreadStatic]
    private static List<ModalMedia>? _deferred;

    /// <summary>Collects the media of one synchronous serialization, each written as <see cref="Placeholder"/>.</summary>
    public static IDisposable Defer(List<ModalMedia> media)
    {
        _deferred = media;
        return new Scope();
    }

    public static string Placeholder(int index) => $"\u0001modal-media-{index}\u0001";

    public override ModalMedia Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ModalMedia.FromDataUrl(reader.GetString() ?? throw new JsonException("A media value must be a data URL string."));

    public override void Write(Utf8JsonWriter writer, ModalMedia value, JsonSerializerOptions options)
    {
        if (_deferred is { } deferred)
        {
            deferred.Add(value);
            writer.WriteStringValue(Placeholder(deferred.Count - 1));
            return;
        }

        writer.WriteStringValue(value.ToDataUrl());
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => _deferred = null;
    }
}
