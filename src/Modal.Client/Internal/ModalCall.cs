namespace Modal.Client.Internal;

/// <summary>
/// One logical call, from the caller's method to its result: the endpoint, the caller's options and everything the
/// pipeline learns on the way (sent, answered, retries, polls, call id, timings). Created by <see cref="ModalCallRunner"/>
/// and passed down explicitly; it rides on each <see cref="HttpRequestMessage"/> (<see cref="OptionKey"/>, set by Refit's
/// <c>[Property]</c> for the POST and by <see cref="ResultPoller"/> for result-URL polls), so the resilience predicates and
/// the handlers read the same object. Never ambient.
/// </summary>
internal sealed class ModalCall
{
    /// <summary>The request-option key (and Refit <c>[Property]</c> name) under which the call travels.</summary>
    public const string PropertyKey = "Modal.Client.Call";

    /// <summary>The typed key of <see cref="PropertyKey"/>.</summary>
    public static readonly HttpRequestOptionsKey<ModalCall> OptionKey = new(PropertyKey);

    private readonly TimeProvider _time;
    private readonly long _started;
    private long _sendStarted;
    private int _retries;
    private volatile bool _attemptInFlight;
    private volatile bool _workMayHaveStarted;

    public ModalCall(ModalEndpoint endpoint, ModalCallOptions? options, bool retryMayChargeAgain, TimeSpan budget, TimeProvider time)
    {
        Endpoint = endpoint;
        Options = options;
        RetryMayChargeAgain = retryMayChargeAgain;
        Budget = budget;
        _time = time;
        _started = time.GetTimestamp();
    }

    public ModalEndpoint Endpoint { get; }

    /// <summary>The app that serves <see cref="Endpoint"/> (every callable endpoint has one).</summary>
    public ModalApp App => Endpoint.App!;

    public ModalCallOptions? Options { get; }

    public bool RetryMayChargeAgain { get; }

    /// <summary>The whole call's time budget, as configured.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Reports to the caller's <see cref="ModalCallOptions.Progress"/>, if any (built on use: nothing is stored for it).</summary>
    public ProgressReporter Progress => new(Options?.Progress, Endpoint, this);

    /// <summary>The seed that was sent, for endpoints that take one.</summary>
    public long? Seed { get; set; }

    /// <summary>Modal's function call id, once a header or a result URL named it.</summary>
    public string? CallId { get; set; }

    /// <summary>How many result-URL GETs followed a 303 (retried polls count once).</summary>
    public int Polls { get; set; }

    /// <summary>POST attempts after the first, plus retried polls and the refetch of a broken body.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>How long the call waited for a slot of the app's concurrency limit (zero when one was free).</summary>
    public TimeSpan QueueTime { get; private set; }

    /// <summary>True when the slot came from a limit shared with other processes (Modal.Client.Redis).</summary>
    public bool SlotShared { get; private set; }

    /// <summary>True once the POST was handed to the HTTP pipeline.</summary>
    public bool Sent => _sendStarted != 0;

    /// <summary>
    /// True once an attempt or an answer means the GPU job may have started: the POST was answered with anything but a
    /// rejection that cannot have started work (429, Modal's plain 503, a refused connection), or an attempt broke or was
    /// abandoned after it left. Once true it stays true: no later failure of this call may say that nothing ran.
    /// </summary>
    public bool WorkMayHaveStarted => _workMayHaveStarted || _attemptInFlight;


    /// <summary>True when a result-URL poll broke after it was sent: a later 408/404 then means the single-use result was consumed.</summary>
    public bool PollBrokeAfterSend { get; set; }

    /// <summary>Client wall-clock time since the call began (queue included).</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Time since the POST was first sent: what the GPU may have been billed for (the queue excluded).</summary>
    public TimeSpan TimeSinceSent => Sent ? _time.GetElapsedTime(_sendStarted) : TimeSpan.Zero;

    public void RecordSlot(TimeSpan waited, bool shared)
    {
        QueueTime = waited;
        SlotShared = shared;
    }

    public void MarkSending()
    {
        if (_sendStarted == 0)
        {
            _sendStarted = _time.GetTimestamp();
        }
    }

    /// <summary>An attempt left the client (called per attempt, inside the retry strategy).</summary>
    public void AttemptStarted() => _attemptInFlight = true;

    /// <summary>An attempt ended in a way that cannot have started GPU work (429, Modal's 503, a refused connection).</summary>
    public void AttemptRejected() => _attemptInFlight = false;

    /// <summary>An attempt ended in a way that may have started GPU work.</summary>
    public void AttemptMayHaveRun()
    {
        _workMayHaveStarted = true;
        _attemptInFlight = false;
    }

    /// <summary>The POST was answered with 303 or 2xx: Modal accepted the job.</summary>
    public void MarkAccepted()
    {
        _workMayHaveStarted = true;
    }

    public void RecordRetry()
    {
        var attempt = Interlocked.Increment(ref _retries) + 1;
        Progress.Report(ModalCallStage.Retrying, attempt: attempt);
    }

    /// <summary>The call this request belongs to, when it was sent by the runner.</summary>
    public static ModalCall? Of(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(OptionKey, out var call) ? call : null;
}
