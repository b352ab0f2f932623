namespace Modal.Client;

/// <summary>The platform errors Modal answers with plain text (Appendix P10 of the contract).</summary>
public enum ModalPlatformError
{
    /// <summary>Another platform error; read <see cref="ModalPlatformException.PlatformMessage"/>.</summary>
    Other,

    /// <summary>404 <c>modal-http: invalid function call</c>: the app is not deployed or was stopped.</summary>
    InvalidFunctionCall,

    /// <summary>404 <c>modal-http: app for invoked web endpoint is stopped</c>: deploy the app again.</summary>
    AppStopped,

    /// <summary>404 <c>modal-http: workspace … is disabled</c>: check billing or the workspace on modal.com.</summary>
    WorkspaceDisabled,

    /// <summary>400 <c>modal-http: bad redirect method</c>: a result URL was not fetched with GET.</summary>
    BadRedirectMethod,

    /// <summary>401 <c>modal-http: missing credentials for proxy authorization</c>.</summary>
    ProxyAuthMissing,

    /// <summary>401 <c>modal-http: invalid credentials for proxy authorization</c>.</summary>
    ProxyAuthInvalid,

    /// <summary>408 <c>Missing request, possibly due to expiry or cancellation</c>: the result URL expired or the call was cancelled.</summary>
    ResultExpired,

    /// <summary>429: more than 200 web requests per second on the workspace.</summary>
    RateLimited,

    /// <summary>500 <c>modal-http: internal error: function execution timed out</c>.</summary>
    ExecutionTimedOut,

    /// <summary>500 <c>modal-http: internal error: function was terminated by signal</c> (the container crashed, often out of memory).</summary>
    TerminatedBySignal,

    /// <summary>503 from the platform (plain text, not an app's JSON): it did not take the call, so no GPU work started.</summary>
    Unavailable,

    /// <summary>Another 5xx from the platform (502 when the app sends nothing within 5 s, 503, 504, internal errors).</summary>
    ServerError,
}
