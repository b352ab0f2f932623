using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Internal;

/// <summary>A response as the fake decides it, before it is handed to WireMock.</summary>
internal sealed class FakeResponse
{
    public const string PlainText = "text/plain; charset=utf-8";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public FakeResponse(int status, string? contentType, byte[] body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public int Status { get; }

    public string? ContentType { get; set; }

    public byte[] Body { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public TransportFault Transport { get; set; }

    public TimeSpan TransportDuration { get; set; }

    public static FakeResponse Json(int status, JsonNode body) =>
        new(status, "application/json", Encoding.UTF8.GetBytes(body.ToJsonString(Compact)));

    public static FakeResponse Text(int status, string text) => new(status, PlainText, Encoding.UTF8.GetBytes(text));

    public static FakeResponse Reset() => new(0, null, []) { Transport = TransportFault.Reset };

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Headers.Add(new(name, value));
        return this;
    }
}
