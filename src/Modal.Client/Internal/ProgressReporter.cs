namespace Modal.Client.Internal;

/// <summary>
/// Reports a call's progress to the caller's <see cref="IProgress{T}"/>, with a heartbeat while waiting. A struct held by
/// the <see cref="ModalCall"/>: a call without progress allocates nothing for it.
/// </summary>
internal readonly struct ProgressReporter(IProgress<ModalCallProgress>? progress, ModalEndpoint endpoint, ModalCall call)
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    public void Report(ModalCallStage stage, int attempt = 1)
    {
        progress?.Report(new ModalCallProgress
        {
            Stage = stage,
            Endpoint = endpoint,
            Elapsed = call.Elapsed,
            TypicalDuration = endpoint.TypicalDuration,
            Polls = call.Polls,
            Attempt = attempt,
            CallId = call.CallId,
        });
    }

    /// <summary>Reports <see cref="ModalCallStage.Waiting"/> about once a second until disposed.</summary>
    public IDisposable Heartbeat(TimeProvider timeProvider)
    {
        return progress is null ? NoHeartbeat.Instance : StartHeartbeat(this, timeProvider);
    }

    /// <summary>The timer of <see cref="Heartbeat"/> (apart, so a call without progress allocates no closure).</summary>
    private static ITimer StartHeartbeat(ProgressReporter reporter, TimeProvider timeProvider)
        => timeProvider.CreateTimer(_ => reporter.Report(ModalCallStage.Waiting), null, HeartbeatInterval, HeartbeatInterval);

    private sealed class NoHeartbeat : IDisposable
    {
        public static readonly NoHeartbeat Instance = new();

        public void Dispose()
        {
        }
    }
}
