namespace Modal.Client.Testing;

/// <summary>
/// A scripted misbehaviour of the fake deployment, queued per endpoint with <see cref="FakeEndpoint.Inject"/> (for
/// calls) or <see cref="FakeEndpoint.InjectOnPoll"/> (for result-URL polls). Each call or poll takes the next entry.
/// </summary>
/// <remarks>
/// Three kinds: <em>rejections</em> answer at once and start no GPU work (<see cref="RateLimited"/>,
/// <see cref="ServiceUnavailable"/>, <see cref="InvalidFunctionCall"/>, <see cref="AppStopped"/>,
/// <see cref="MissingCredentials"/>, <see cref="InvalidCredentials"/>, <see cref="RequestExpired"/>);
/// <em>outcomes</em> start the GPU work and end it badly (<see cref="WorkflowFailure"/>,
/// <see cref="FunctionTerminated"/>, <see cref="FunctionTimedOut"/>, <see cref="ConnectionReset"/>);
/// <em>delivery faults</em> spoil the response that finally carries the result (<see cref="TruncatedBody"/>,
/// <see cref="SlowBody"/>, <see cref="WrongContentType"/>, <see cref="MissingContentType"/>, <see cref="EmptyBody"/>,
/// <see cref="HtmlErrorPage"/>). Platform texts are <c>text/plain</c> (contract E5, Appendix P10).
/// </remarks>
public enum FakeFault
{
    /// <summary>Behave normally; use it to let calls pass before a fault (for example fail only the third call).</summary>
    None,

    /// <summary>
    /// A cold container: adds the given duration (default: twice the sync limit, which forces a 303) to the call's
    /// simulated time. On a poll it lengthens the running call.
    /// </summary>
    ColdStart,

    /// <summary>
    /// The ComfyUI graph fails: E2 500 <c>{"error","details","type"}</c>, or on the E3 routes the status their heuristic
    /// picks (503 on /sdxl-instantid and /flux-ipadapter-faceid, 500 on /seedvr2). Counts as a started GPU run.
    /// </summary>
    WorkflowFailure,

    /// <summary>500 <c>modal-http: internal error: function was terminated by signal</c>; the GPU run had started.</summary>
    FunctionTerminated,

    /// <summary>500 <c>modal-http: internal error: function execution timed out</c>; the GPU run had started.</summary>
    FunctionTimedOut,

    /// <summary>408 <c>Missing request, possibly due to expiry or cancellation</c>, before any work starts.</summary>
    RequestExpired,

    /// <summary>429 <c>modal-http: rate limited</c> with <c>Retry-After</c> in whole seconds (the duration, default 1 s).</summary>
    RateLimited,

    /// <summary>503 <c>modal-http: service unavailable</c>, before any work starts.</summary>
    ServiceUnavailable,

    /// <summary>404 <c>modal-http: invalid function call</c> (app not deployed), before any work starts.</summary>
    InvalidFunctionCall,

    /// <summary>404 <c>modal-http: app for invoked web endpoint is stopped</c>, before any work starts.</summary>
    AppStopped,

    /// <summary>401 <c>modal-http: missing credentials for proxy authorization</c>.</summary>
    MissingCredentials,

    /// <summary>401 <c>modal-http: invalid credentials for proxy authorization</c>.</summary>
    InvalidCredentials,

    /// <summary>
    /// The connection is reset. On a call the request is received and, if valid, its GPU work starts and runs on
    /// (contract P12) while the client sees no response; on a poll the running call is untouched.
    /// </summary>
    ConnectionReset,

    /// <summary>The response declares its full Content-Length but the connection closes after half the body.</summary>
    TruncatedBody,

    /// <summary>The body is sent in ten slices spread over the given duration (default 1 s).</summary>
    SlowBody,

    /// <summary>The body keeps its bytes but is labelled <c>application/json</c>.</summary>
    WrongContentType,

    /// <summary>The body keeps its bytes but has no Content-Type header.</summary>
    MissingContentType,

    /// <summary>The status and headers stay, the body is empty (Content-Length: 0).</summary>
    EmptyBody,

    /// <summary>200 with an HTML error page (<c>text/html</c>) instead of the result, as a misbehaving proxy would send.</summary>
    HtmlErrorPage,
}
