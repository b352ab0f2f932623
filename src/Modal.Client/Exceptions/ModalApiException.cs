namespace Modal.Client;

/// <summary>
/// The app answered with an error of its own: a FastAPI <c>{"detail": …}</c> body (contract shape E1) or a
/// <c>{"error", "details", "type"}</c> body (shapes E2 and E3).
/// </summary>
/// <remarks>
/// On /sdxl-instantid, /flux-ipadapter-faceid and /seedvr2 the status code is chosen by a substring search on the message,
/// so a workflow failure can arrive as 400, 404 or 503: read <see cref="ServerMessage"/> and <see cref="ServerErrorType"/>,
/// not only <see cref="ModalException.StatusCode"/>.
/// </remarks>
public sealed class ModalApiException : ModalException
{
    internal ModalApiException(string message, string endpoint, bool gpuWorkMayHaveRun)
        : base(message, endpoint, gpuWorkMayHaveRun)
    {
    }

    /// <summary>The server's own message: <c>detail</c> (as JSON text when it is an object) or <c>error</c>.</summary>
    public required string ServerMessage { get; init; }

    /// <summary>The Python exception type the server named (<c>KeyError</c>, <c>ValueError</c>, <c>HTTPException</c>…), when given.</summary>
    public string? ServerErrorType { get; init; }

    /// <summary>The server's Python traceback (<c>details</c>), when given. Kept out of <see cref="Exception.Message"/>.</summary>
    public string? ServerTraceback { get; init; }
}
