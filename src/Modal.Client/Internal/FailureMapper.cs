using Polly.CircuitBreaker;

namespace Modal.Client.Internal;

/// <summary>
/// Turns what escaped the pipeline into the SDK's exceptions. Whether GPU work may have run comes from the
/// <see cref="ModalCall"/> (<see cref="ModalCall.WorkMayHaveStarted"/>), never from where the failure happened: once the
/// POST was accepted or an attempt may have run, no exception of the call says that nothing ran.
/// </summary>
internal static class FailureMapper
{
    /// <summary>Maps <paramref name="exception"/>; <see langword="false"/> for exceptions that are already the SDK's own.</summary>
    public static bool TryMap(Exception exception, ModalCall call, bool budgetExpired, CancellationToken callerToken, out Exception mapped)
    {
        mapped = exception switch
        {
            ModalException => null!,
            OperationCanceledException ex when budgetExpired && !callerToken.IsCancellationRequested => BudgetExpired(call, ex),
            OperationCanceledException ex when callerToken.IsCancellationRequested => Cancelled(call, ex, callerToken),
            _ when Unwrap(exception) is BrokenCircuitException broken => CircuitOpen(call, broken),
            Refit.ApiRequestException ex when Unwrap(ex) is not (HttpRequestException or OperationCanceledException) => PipelineFailure(call, ex),
            _ when Unwrap(exception) is HttpRequestException ex => Transport(call, ex),
            _ => null!,
        };
        return mapped is not null;
    }

    /// <summary>Refit wraps transport failures in its own exception; the SDK never lets Refit types escape.</summary>
    public static Exception Unwrap(Exception exception)
        => exception is Refit.ApiRequestException { InnerException: { } inner } ? inner : exception;

    private static ModalTimeoutException BudgetExpired(ModalCall call, OperationCanceledException ex)
    {
        var mayHaveRun = call.WorkMayHaveStarted;
        var where = call.Sent ? string.Empty : " (it was still waiting for a free slot)";
        return new ModalTimeoutException(
            $"{call.Endpoint.Path} did not finish within its budget of {Durations.Format(call.Budget)}{where}. "
            + (mayHaveRun ? "The GPU job may still run on Modal and be billed. " : "No GPU work was started. ")
            + "Raise ModalClientOptions.EndpointTimeouts or Timeout (or ModalCallOptions.Timeout) if the endpoint needs longer.",
            call.Endpoint,
            call.Budget,
            mayHaveRun,
            ex)
        {
            App = call.App.Name,
            CallId = call.CallId,
        };
    }

    private static OperationCanceledException Cancelled(ModalCall call, OperationCanceledException ex, CancellationToken callerToken)
        => new(
            call.WorkMayHaveStarted
                ? $"The call to {call.Endpoint.Path} was cancelled after it was sent: the GPU job may still run on Modal and be billed{(call.CallId is null ? "." : $" (call id {call.CallId}).")}"
                : call.Sent
                    ? $"The call to {call.Endpoint.Path} was cancelled before any attempt could start GPU work (every attempt was refused by the platform)."
                    : $"The call to {call.Endpoint.Path} was cancelled before it was sent.",
            ex,
            callerToken);

    private static ModalCircuitOpenException CircuitOpen(ModalCall call, BrokenCircuitException broken)
        => new(call.Endpoint, call.App.Name, broken.RetryAfter, call.WorkMayHaveStarted, broken) { CallId = call.CallId };

    private static ModalTransportException PipelineFailure(ModalCall call, Refit.ApiRequestException ex)
    {
        // Anything else Refit wraps (a failure inside the HTTP pipeline): never let a Refit type escape.
        var mayHaveRun = call.WorkMayHaveStarted;
        return new ModalTransportException(
            $"{call.Endpoint.Path} failed inside the HTTP pipeline ({ex.InnerException?.GetType().Name ?? ex.GetType().Name}): {ex.InnerException?.Message ?? ex.Message}"
            + (mayHaveRun ? " The GPU job may have run and been billed." : string.Empty),
            call.Endpoint,
            mayHaveRun,
            ex.InnerException ?? ex)
        {
            App = call.App.Name,
            CallId = call.CallId,
        };
    }

    private static ModalTransportException Transport(ModalCall call, HttpRequestException ex)
    {
        // A connection that could not be made never reached the app; anything later may have started GPU work.
        var mayHaveRun = call.WorkMayHaveStarted || !ModalOutcomes.CannotHaveStarted(null, ex);
        return new ModalTransportException(
            $"{call.Endpoint.Path} failed on the network ({ex.HttpRequestError}): {ex.Message}"
            + (mayHaveRun ? " The GPU job may have run and been billed." : " The request did not reach the app."),
            call.Endpoint,
            mayHaveRun,
            ex)
        {
            App = call.App.Name,
            CallId = call.CallId,
            StatusCode = (int?)ex.StatusCode,
        };
    }
}
