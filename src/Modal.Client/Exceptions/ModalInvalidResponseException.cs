namespace Modal.Client;

/// <summary>
/// The server answered 200 but the body is not the media the endpoint returns (empty, an HTML or JSON page, or bytes
/// that are not a PNG, JPEG, WebP or MP4).
/// </summary>
public sealed class ModalInvalidResponseException : ModalException
{
    internal ModalInvalidResponseException(string message, ModalEndpoint endpoint)
        : base(message, endpoint, gpuWorkMayHaveRun: true)
    {
    }

    /// <summary>The <c>Content-Type</c> the server sent, if any.</summary>
    public string? ServerContentType { get; init; }

    /// <summary>The number of bytes received.</summary>
    public long ReceivedBytes { get; init; }
}
