namespace Modal.Client;

/// <summary>
/// The SDK stopped calling an app that kept failing at the platform level; nothing was sent. Calls are let through
/// again after <see cref="ModalCircuitBreakerOptions.BreakDuration"/>.
/// </summary>
public sealed class ModalCircuitOpenException : ModalException
{
    internal ModalCircuitOpenException(string endpoint, string app, TimeSpan? retryAfter, Exception innerException)
        : base(
            $"The app {app} is failing repeatedly, so the SDK stopped calling it for a while (circuit open); {endpoint} was not sent. "
            + (retryAfter is { } wait ? $"Try again in about {Math.Ceiling(wait.TotalSeconds)} s, " : "Try again later, ")
            + "or check the app with a health check.",
            endpoint,
            gpuWorkMayHaveRun: false,
            innerException)
    {
        App = app;
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the circuit lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
