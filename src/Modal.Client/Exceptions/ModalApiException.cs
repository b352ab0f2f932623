namespace Modal.Client;

/// <summary>
/// The app answered with an error of its own: a FastAPI <c>{"detail": …}</c> body (contract shape E1) or a
/// <c>{"error", "details", "type"}</c> body (shapes E2 and E3).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Exception.Message"/> carries the server's key line, at most 300 characters: for a graph ComfyUI refused,
/// the node, the input and the limit (<c>/video-faceswap failed with HTTP 500 (Exception): Failed to queue workflow:
/// HTTP 400 — VHS_LoadVideo: Value 90.0 bigger than max of 60.0: force_rate</c>); never the traceback, embedded media
/// or anything that looks like a credential. The whole text is in <see cref="ServerMessage"/>.
/// </para>
/// <para>
/// On /sdxl-instantid, /flux-ipadapter-faceid and /seedvr2 the status code is chosen by a substring search on the message,
/// so a workflow failure can arrive as 400, 404 or 503: read <see cref="ServerMessage"/> and <see cref="ServerErrorType"/>,
/// not only <see cref="ModalException.StatusCode"/>. A body that is neither JSON nor a platform text (an HTML 403 page
/// from a proxy) is reported here too, with its status code, app and call id.
/// </para>
/// </remarks>
public sealed class ModalApiException : ModalException
{
    internal ModalApiException(string message, ModalEndpoint endpoint, bool gpuWorkMayHaveRun)
        : base(message, endpoint, gpuWorkMayHaveRun)
    {
    }

    /// <summary>
    /// The server's own message, whole: <c>detail</c> (as JSON text when it is an object) or <c>error</c>; for a body that
    /// is not JSON, its first 500 characters. It can quote what the request carried: log it with care.
    /// </summary>
    public required string ServerMessage { get; init; }

    /// <summary>The Python exception type the server named (<c>KeyError</c>, <c>ValueError</c>, <c>HTTPException</c>…), when given.</summary>
    public string? ServerErrorType { get; init; }

    /// <summary>The server's Python traceback (<c>details</c>), when given. Kept out of <see cref="Exception.Message"/>.</summary>
    public string? ServerTraceback { get; init; }
}
