using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modal.Client.Testing;

/// <summary>One request the fake deployment received, as recorded in <see cref="FakeJournal"/>.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(
        string method,
        string path,
        string pathAndQuery,
        string? app,
        IReadOnlyDictionary<string, string> headers,
        string body,
        string? functionCallId,
        bool isResultPoll,
        DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        PathAndQuery = pathAndQuery;
        App = app;
        Headers = headers;
        Body = body;
        FunctionCallId = functionCallId;
        IsResultPoll = isResultPoll;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, upper case (<c>POST</c>, <c>GET</c>...).</summary>
    public string Method { get; }

    /// <summary>The path without the query, for example <c>/flux</c>.</summary>
    public string Path { get; }

    /// <summary>The path with the query, for example <c>/flux?__modal_function_call_id=fc-…</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>The app whose port received the request in per-app mode; <see langword="null"/> in single-port mode.</summary>
    public string? App { get; }

    /// <summary>The request headers (names case-insensitive; repeated values joined with <c>", "</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body as UTF-8 text (empty when there was none).</summary>
    public string Body { get; }

    /// <summary>
    /// For a call to an endpoint, the <c>fc-…</c> id the fake assigned to it; for a result-URL poll, the id in its
    /// query; otherwise <see langword="null"/>.
    /// </summary>
    public string? FunctionCallId { get; }

    /// <summary>True for a request on a result URL (<c>?__modal_function_call_id=…</c>).</summary>
    public bool IsResultPoll { get; }

    /// <summary>When it arrived, by the deployment's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Parses <see cref="Body"/> into a new <see cref="JsonObject"/> (a fresh copy on every call).</summary>
    /// <returns>The body, or <see langword="null"/> when it is not a JSON object.</returns>
    public JsonObject? BodyAsJson()
    {
        try
        {
            return JsonNode.Parse(Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {PathAndQuery}";
}
