namespace Modal.Client;

/// <summary>
/// When a call is retried. Every POST starts a new, billed GPU job, so by default a POST is retried only when the server
/// cannot have started it: the connection failed before the request was sent, the platform answered 429, or the
/// platform (not the app) answered 503. Result-URL polls are always safe to retry.
/// </summary>
public sealed class ModalRetryOptions
{
    /// <summary>How many times a POST may be retried after the first attempt.</summary>
    /// <value>3; 0 to 10.</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. A <c>Retry-After</c> header wins.</summary>
    /// <value>1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay between two attempts (POSTs and result-URL polls alike).</summary>
    internal static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Also retry after failures where the GPU job may already have run (an app's 500 workflow error, a platform 5xx
    /// after the request was sent, a connection reset mid-call). <b>Such a retry may be charged again.</b>
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool RetryMayChargeAgain { get; set; }

    /// <summary>How many times one result-URL poll may be retried after a transient failure.</summary>
    /// <value>5; 0 to 20.</value>
    public int MaxPollRetries { get; set; } = 5;
}
