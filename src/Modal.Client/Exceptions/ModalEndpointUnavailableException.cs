namespace Modal.Client;

/// <summary>The endpoint was removed or is not yet available; nothing was sent.</summary>
public sealed class ModalEndpointUnavailableException : ModalException
{
    internal ModalEndpointUnavailableException(ModalEndpoint endpoint)
        : base(Describe(endpoint), endpoint, gpuWorkMayHaveRun: false)
    {
        Status = endpoint.Status;
        Alternative = endpoint.Alternative;
    }

    /// <summary><see cref="ModalEndpointStatus.Removed"/> or <see cref="ModalEndpointStatus.Future"/>.</summary>
    public ModalEndpointStatus Status { get; }

    /// <summary>For a removed endpoint, what to call instead.</summary>
    public ModalEndpoint? Alternative { get; }

    private static string Describe(ModalEndpoint endpoint) => endpoint.Status == ModalEndpointStatus.Removed
        ? $"{endpoint.Path} ({endpoint.Title}) was removed: {endpoint.Note}. Call {endpoint.Alternative} instead."
        : $"{endpoint.Path} ({endpoint.Title}) is not available yet (status: {endpoint.FutureStatus}).";
}
