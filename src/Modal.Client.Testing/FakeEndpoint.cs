using Modal.Client.Testing.Internal;

namespace Modal.Client.Testing;

/// <summary>One endpoint of a <see cref="FakeModalDeployment"/>: its URL, its simulated duration and its scripted faults.</summary>
public sealed class FakeEndpoint
{
    private readonly FaultQueue callFaults = new();
    private readonly FaultQueue pollFaults = new();
    private long generationTicks = -1;

    internal FakeEndpoint(EndpointSpec spec, Uri url, bool served)
    {
        Spec = spec;
        Url = url;
        IsServed = served;
    }

    /// <summary>The route, for example <c>/flux</c>.</summary>
    public string Path => Spec.Path;

    /// <summary>The Modal app that serves it, for example <c>ryla-flux</c>.</summary>
    public string App => Spec.App;

    /// <summary>The absolute URL to POST to.</summary>
    public Uri Url { get; }

    /// <summary>
    /// The simulated GPU time of a call to this endpoint; <see langword="null"/> uses
    /// <see cref="FakeModalDeploymentOptions.DefaultGenerationTime"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan? GenerationTime
    {
        get => Interlocked.Read(ref generationTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;
        set
        {
            if (value is { } v)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(v, TimeSpan.Zero, nameof(value));
            }

            Interlocked.Exchange(ref generationTicks, value?.Ticks ?? -1);
        }
    }

    /// <summary>The scripted faults still queued for calls.</summary>
    public int PendingFaults => callFaults.Count;

    /// <summary>The scripted faults still queued for result-URL polls.</summary>
    public int PendingPollFaults => pollFaults.Count;

    internal EndpointSpec Spec { get; }

    /// <summary>False for /sdxl-turbo and /sdxl-lightning when they are configured as not deployed.</summary>
    internal bool IsServed { get; }

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> calls (POSTs) to this endpoint, after
    /// anything already queued. Each call takes one entry; calls find the queue empty behave normally, so
    /// <c>Inject(FakeFault.WorkflowFailure, times: 2)</c> means "fail twice, then succeed".
    /// </summary>
    /// <param name="fault">What to do.</param>
    /// <param name="times">How many calls it applies to.</param>
    /// <param name="duration">
    /// For <see cref="FakeFault.ColdStart"/> the extra simulated time (default twice the sync limit); for
    /// <see cref="FakeFault.SlowBody"/> how long the body takes (default 1 s); for <see cref="FakeFault.RateLimited"/>
    /// the <c>Retry-After</c> (default 1 s). Ignored otherwise.
    /// </param>
    /// <returns>This endpoint, to chain further faults.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is below 1 or <paramref name="duration"/> is negative.</exception>
    public FakeEndpoint Inject(FakeFault fault, int times = 1, TimeSpan? duration = null)
    {
        Check(times, duration);
        callFaults.Add(fault, times, duration);
        return this;
    }

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> result-URL GETs of calls to this endpoint.
    /// Rejections and <see cref="FakeFault.ConnectionReset"/> answer that poll at once and leave the call running;
    /// <see cref="FakeFault.WorkflowFailure"/>, <see cref="FakeFault.FunctionTerminated"/> and
    /// <see cref="FakeFault.FunctionTimedOut"/> end the call with that error; delivery faults spoil the poll's answer;
    /// <see cref="FakeFault.ColdStart"/> lengthens the call. Use <see cref="FakeFault.None"/> to let polls pass first.
    /// </summary>
    /// <param name="fault">What to do.</param>
    /// <param name="times">How many polls it applies to.</param>
    /// <param name="duration">As for <see cref="Inject"/>.</param>
    /// <returns>This endpoint, to chain further faults.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is below 1 or <paramref name="duration"/> is negative.</exception>
    public FakeEndpoint InjectOnPoll(FakeFault fault, int times = 1, TimeSpan? duration = null)
    {
        Check(times, duration);
        pollFaults.Add(fault, times, duration);
        return this;
    }

    /// <summary>Drops every queued fault (calls and polls).</summary>
    public void ClearFaults()
    {
        callFaults.Clear();
        pollFaults.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() => Url.ToString();

    internal (FakeFault Fault, TimeSpan? Duration) NextCallFault() => callFaults.Next();

    internal (FakeFault Fault, TimeSpan? Duration) NextPollFault() => pollFaults.Next();

    internal void ResetState()
    {
        ClearFaults();
        GenerationTime = null;
    }

    private static void Check(int times, TimeSpan? duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (duration is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, TimeSpan.Zero, nameof(duration));
        }
    }
}
