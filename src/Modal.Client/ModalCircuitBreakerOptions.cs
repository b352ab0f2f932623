namespace Modal.Client;

/// <summary>
/// The circuit breaker kept per app. It counts platform-level failures (connection failures, plain-text 5xx, 429) and,
/// once too many fail, rejects calls to that app for a while with <see cref="ModalCircuitOpenException"/> instead of
/// hammering it. App errors (a JSON error body) do not count: the app answered.
/// </summary>
public sealed class ModalCircuitBreakerOptions
{
    /// <summary>Whether the breaker is on.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The failure ratio, within <see cref="SamplingDuration"/>, that opens the circuit.</summary>
    /// <value>0.5; 0.01 to 1.</value>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The number of attempts within <see cref="SamplingDuration"/> before the ratio is considered.</summary>
    /// <value>10; 2 to 10,000.</value>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window in which failures are counted.</summary>
    /// <value>1 minute; 0.5 s to 1 day.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    /// <value>30 seconds; 0.5 s to 1 day.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
