namespace Modal.Client.AotSmoke;

/// <summary>How a request body was framed on the wire.</summary>
internal enum RequestFraming
{
    /// <summary>No body headers (a GET).</summary>
    None,

    /// <summary>A <c>Content-Length</c> header: the length known up front, as the SDK promises for its bodies.</summary>
    ContentLength,

    /// <summary><c>Transfer-Encoding: chunked</c>.</summary>
    Chunked,
}
