namespace Modal.Client;

/// <summary>The call failed on the network (connection refused, reset, DNS, TLS) before a complete answer arrived.</summary>
public sealed class ModalTransportException : ModalException
{
    internal ModalTransportException(string message, ModalEndpoint endpoint, bool gpuWorkMayHaveRun, Exception? innerException)
        : base(message, endpoint, gpuWorkMayHaveRun, innerException)
    {
    }
}
