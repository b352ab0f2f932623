namespace Modal.Client;

/// <summary>
/// The SDK stopped sending POSTs to an app that kept failing at the platform level; this POST was not sent. Calls are let
/// through again after <see cref="ModalCircuitBreakerOptions.BreakDuration"/>. Only POSTs are guarded: result-URL polls of
/// jobs already running are never refused.
/// </summary>
/// <remarks>
/// <see cref="ModalException.GpuWorkMayHaveRun"/> is <see langword="false"/> unless an earlier attempt of the same call
/// may have run (a retry the caller opted into with <see cref="ModalRetryOptions.RetryMayChargeAgain"/>).
/// </remarks>
public sealed class ModalCircuitOpenException : ModalException
{
    internal ModalCircuitOpenException(ModalEndpoint endpoint, string app, TimeSpan? retryAfter, bool gpuWorkMayHaveRun, Exception? innerException)
        : base(
            $"The app {app} is failing repeatedly, so the SDK stopped calling it for a while (circuit open); "
            + (gpuWorkMayHaveRun ? $"the retry of {endpoint} was not sent, but an earlier attempt may have run and been billed. " : $"{endpoint} was not sent. ")
            + (retryAfter is { } wait ? $"Try again in about {Math.Ceiling(wait.TotalSeconds)} s, " : "Try again later, ")
            + "or check the app with a health check.",
            endpoint,
            gpuWorkMayHaveRun,
            innerException)
    {
        App = app;
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the circuit lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
