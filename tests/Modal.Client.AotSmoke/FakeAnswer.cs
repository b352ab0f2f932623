using System.Text;

namespace Modal.Client.AotSmoke;

/// <summary>What the loopback fake answers: a status, a Content-Type label, extra headers and the body bytes.</summary>
internal sealed record FakeAnswer(int Status, string? ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>A 200 with media bytes under the label the real app sends (often not the bytes' real type).</summary>
    public static FakeAnswer Media(string label, byte[] body) => new(200, label, body, []);

    /// <summary>A JSON error body (E1 <c>{"detail"}</c> or E2 <c>{"error","details","type"}</c>).</summary>
    public static FakeAnswer Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json), []);

    /// <summary>Modal's 303 See Other to a result URL, with the function call id header.</summary>
    public static FakeAnswer SeeOther(Uri location, string callId) =>
        new(303, null, [], [new("Location", location.AbsoluteUri), new("Modal-Function-Call-Id", callId)]);
}
