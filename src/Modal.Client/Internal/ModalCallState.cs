namespace Modal.Client.Internal;

/// <summary>
/// What the HTTP pipeline needs to know about the logical call in progress (the resilience predicates run deep inside
/// HttpClient, where only the async flow reaches). Set by <see cref="ModalCallRunner"/> for the duration of one call.
/// </summary>
internal sealed class ModalCallState(ModalEndpoint endpoint, bool retryMayChargeAgain, Action<int>? onRetry)
{
    private static readonly AsyncLocal<ModalCallState?> Ambient = new();
    private int _retries;

    public static ModalCallState? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public ModalEndpoint Endpoint { get; } = endpoint;

    public bool RetryMayChargeAgain { get; } = retryMayChargeAgain;

    /// <summary>True while the runner polls a result URL: polls have their own retry loop, so the pipeline must not retry them.</summary>
    public bool Polling { get; set; }

    /// <summary>True once the request was handed to the HTTP pipeline.</summary>
    public bool Sent { get; set; }

    public int Retries => Volatile.Read(ref _retries);

    public void RecordRetry()
    {
        var attempt = Interlocked.Increment(ref _retries) + 1;
        onRetry?.Invoke(attempt);
    }
}
