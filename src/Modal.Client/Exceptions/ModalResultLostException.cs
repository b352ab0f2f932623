namespace Modal.Client;

/// <summary>
/// The GPU job ran (and was probably billed), but its result could not be retrieved: the download failed after Modal
/// started sending it, and the result URL then answered 408 or 404. Modal result bodies are single-use (Appendix P4, P5).
/// </summary>
/// <remarks>Give <see cref="ModalException.CallId"/> to support, or use it to find the run in Modal's logs.</remarks>
public sealed class ModalResultLostException : ModalException
{
    internal ModalResultLostException(string message, ModalEndpoint endpoint, Exception? innerException)
        : base(message, endpoint, gpuWorkMayHaveRun: true, innerException)
    {
    }
}
