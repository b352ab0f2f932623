namespace Modal.Client;

/// <summary>
/// The app is running but does not serve this endpoint: <c>404 {"detail":"Not Found"}</c> (contract shape E4). Today
/// /sdxl-turbo and /sdxl-lightning answer this on the live ryla-instantid app.
/// </summary>
public sealed class ModalEndpointNotDeployedException : ModalException
{
    internal ModalEndpointNotDeployedException(string message, ModalEndpoint endpoint, ModalEndpoint? alternative)
        : base(message, endpoint, gpuWorkMayHaveRun: false) => Alternative = alternative;

    /// <summary>An endpoint that does the same kind of work and can be called instead, when the catalog knows one.</summary>
    public ModalEndpoint? Alternative { get; }
}
