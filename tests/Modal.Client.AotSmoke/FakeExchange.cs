namespace Modal.Client.AotSmoke;

/// <summary>One request the loopback fake received: method, path with query, and the body as UTF-8 text.</summary>
internal sealed record FakeExchange(string Method, string PathAndQuery, string Body)
{
    /// <summary>The path without the query, for example <c>/flux</c>.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>How the body was framed: the SDK's bodies must carry a Content-Length.</summary>
    public RequestFraming Framing { get; init; }
}
