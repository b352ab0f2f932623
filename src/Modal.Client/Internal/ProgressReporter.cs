namespace Modal.Client.Internal;

/// <summary>Reports a call's progress to the caller's <see cref="IProgress{T}"/>, with a heartbeat while waiting.</summary>
internal sealed class ProgressReporter(IProgress<ModalCallProgress>? progress, ModalEndpoint endpoint, ModalCall call)
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
        => progress is null
            ? NoHeartbeat.Instance
            : timeProvider.CreateTimer(_ => Report(ModalCallStage.Waiting), null, HeartbeatInterval, HeartbeatInterval);

    private sealed class NoHeartbeat : IDisposable
    {
        public static readonly NoHeartbeat Instance = new();

        public void Dispose()
        {
        }
    }
}
