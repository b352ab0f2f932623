namespace Modal.Client;

/// <summary>
/// The GPU job ran (and was probably billed), but its result is larger than
/// <see cref="ModalClientOptions.MaxResultBytes"/>, so it was not downloaded. Raise that option to accept larger results.
/// </summary>
/// <remarks>
/// The limit is checked against the <c>Content-Length</c> the server declares before any of the body is read (no buffer is
/// ever sized beyond it), and against the bytes received when the server declares no length.
/// </remarks>
public sealed class ModalResultTooLargeException : ModalException
{
    internal ModalResultTooLargeException(string message, ModalEndpoint endpoint, long? resultBytes, long maxResultBytes)
        : base(message, endpoint, gpuWorkMayHaveRun: true)
    {
        ResultBytes = resultBytes;
        MaxResultBytes = maxResultBytes;
    }

    /// <summary>
    /// The size of the result in bytes, as the server declared it in <c>Content-Length</c>; <see langword="null"/> when it
    /// declared none (the body then passed <see cref="MaxResultBytes"/> while it was being downloaded).
    /// </summary>
    public long? ResultBytes { get; }

    /// <summary>The limit that refused the result: <see cref="ModalClientOptions.MaxResultBytes"/>, or the largest result one in-memory buffer can hold.</summary>
    public long MaxResultBytes { get; }
}
