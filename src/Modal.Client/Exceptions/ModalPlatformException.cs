namespace Modal.Client;

/// <summary>
/// Modal's platform (not the app) refused or failed the call: a plain-text <c>modal-http: …</c> body, a 408
/// <c>Missing request…</c>, a 429 rate limit and the like (contract shape E5, Appendix P10). Every 429 is
/// <see cref="ModalPlatformError.RateLimited"/> with its <see cref="RetryAfter"/>, whether its body is text or JSON
/// such as <c>{"detail":"Too Many Requests"}</c>.
/// </summary>
public sealed class ModalPlatformException : ModalException
{
    internal ModalPlatformException(string message, ModalEndpoint? endpoint, bool gpuWorkMayHaveRun, ModalPlatformError error)
        : base(message, endpoint, gpuWorkMayHaveRun) => Error = error;

    /// <summary>Which platform error this is.</summary>
    public ModalPlatformError Error { get; }

    /// <summary>
    /// The platform's own text (one line of at most 300 characters, no secrets), for example
    /// <c>modal-http: invalid function call</c>, or the <c>detail</c> of a JSON 429 (<c>Too Many Requests</c>).
    /// </summary>
    public required string PlatformMessage { get; init; }

    /// <summary>How long the platform asked to wait before trying again (429 <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
