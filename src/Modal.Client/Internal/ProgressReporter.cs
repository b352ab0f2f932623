namespace Modal.Client.Internal;

/// <summary>Reports a call's progress to the caller's <see cref="IProgress{T}"/>, with a heartbeat while waiting.</summary>
internal sealed class ProgressReporter(IProgress<ModalCallProgress>? progress, ModalEndpoint endpoint, TimeProvider timeProvider)
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    private readonly long _started = timeProvider.GetTimestamp();
    private int _polls;
    private string? _callId;

    public TimeSpan Elapsed => timeProvider.GetElapsedTime(_started);

    public void Report(ModalCallStage stage, int? polls = null, string? callId = null, int attempt = 1)
    {
        _polls = polls ?? _polls;
        _callId = callId ?? _callId;
        progress?.Report(new ModalCallProgress
        {
            Stage = stage,
            Endpoint = endpoint.Path,
            Elapsed = Elapsed,
            TypicalDuration = endpoint.TypicalDuration,
            Polls = _polls,
            Attempt = attempt,
            CallId = _callId,
        });
    }

    /// <summary>Reports <see cref="ModalCallStage.Waiting"/> about once a second until disposed.</summary>
    public IDisposable Heartbeat()
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
