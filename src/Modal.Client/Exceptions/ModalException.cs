namespace Modal.Client;

/// <summary>
/// The root of every error Modal.Client raises for a call (bad input is reported with the
/// <see cref="ArgumentException"/> family instead, before anything is sent).
/// </summary>
/// <remarks>
/// Messages never contain secrets, request bodies, media or Python tracebacks.
/// Check <see cref="GpuWorkMayHaveRun"/> before retrying by hand: every POST starts a new, billed GPU job.
/// </remarks>
public class ModalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="endpoint">The endpoint called, for example <see cref="ModalEndpoint.FluxSchnell"/>; <see langword="null"/> when not tied to one call.</param>
    /// <param name="gpuWorkMayHaveRun">Whether the GPU job may have started (and may be billed).</param>
    /// <param name="innerException">The cause, if any.</param>
    public ModalException(string message, ModalEndpoint? endpoint, bool gpuWorkMayHaveRun, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        GpuWorkMayHaveRun = gpuWorkMayHaveRun;
    }

    /// <summary>The endpoint called (its <see cref="ModalEndpoint.Path"/> is, for example, <c>/flux</c>); <see langword="null"/> when not tied to one call.</summary>
    public ModalEndpoint? Endpoint { get; }

    /// <summary>
    /// <see langword="true"/> when the GPU job may have started, so it may be billed and a retry may charge again;
    /// <see langword="false"/> when the server cannot have started it (for example a 400 validation error).
    /// </summary>
    public bool GpuWorkMayHaveRun { get; }

    /// <summary>The HTTP status code of the response that failed, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The Modal app that served the call (for example <c>ryla-flux</c>), when known.</summary>
    public string? App { get; init; }

    /// <summary>Modal's function call id (<c>fc-…</c>) from <c>Modal-Function-Call-Id</c> or a result URL, when the platform sent one.</summary>
    public string? CallId { get; init; }
}
