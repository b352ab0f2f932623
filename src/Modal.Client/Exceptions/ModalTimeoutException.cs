namespace Modal.Client;

/// <summary>The call ran past its time budget and was abandoned by the client.</summary>
/// <remarks>
/// Abandoning a call does not stop it: the GPU job may still run to completion on Modal and be billed.
/// Raise the budget with <see cref="ModalClientOptions.EndpointTimeouts"/> or <see cref="ModalClientOptions.Timeout"/>.
/// </remarks>
public sealed class ModalTimeoutException : ModalException
{
    internal ModalTimeoutException(string message, ModalEndpoint endpoint, TimeSpan budget, bool gpuWorkMayHaveRun, Exception? innerException)
        : base(message, endpoint, gpuWorkMayHaveRun, innerException) => Budget = budget;

    /// <summary>The time budget that ran out.</summary>
    public TimeSpan Budget { get; }
}
