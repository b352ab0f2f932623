namespace Modal.Client.Testing.Internal;

/// <summary>
/// One started GPU run (a Modal function call). Its simulated time only advances while a request for it is held
/// open (the POST or a result-URL GET), which makes the number of 303 hops exact: ceil(duration / sync limit) - 1.
/// </summary>
internal sealed class FakeJob
{
    private readonly Lock gate = new();
    private TimeSpan remaining;
    private bool delivered;
    private Evaluation? evaluation;
    private int ended;

    public FakeJob(string callId, EndpointSpec spec, TimeSpan duration, Evaluation evaluation, FakeFault outcome, FakeFault delivery, TimeSpan? deliveryDuration)
    {
        CallId = callId;
        Spec = spec;
        Duration = duration;
        remaining = duration;
        this.evaluation = evaluation;
        Outcome = outcome;
        Delivery = delivery;
        DeliveryDuration = deliveryDuration;
    }

    public string CallId { get; }

    public EndpointSpec Spec { get; }

    /// <summary>The total simulated duration (generation time plus cold starts).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>A terminal fault the run ends with, or <see cref="FakeFault.None"/>.</summary>
    public FakeFault Outcome { get; }

    /// <summary>A delivery fault for the response that carries the result, or <see cref="FakeFault.None"/>.</summary>
    public FakeFault Delivery { get; }

    public TimeSpan? DeliveryDuration { get; }

    /// <summary>Reserves the next slice of simulated time: how long to hold this request, and whether the run ends within it.</summary>
    public (TimeSpan Wait, bool Completes) Reserve(TimeSpan syncLimit)
    {
        lock (gate)
        {
            var wait = remaining <= syncLimit ? remaining : syncLimit;
            remaining -= wait;
            return (wait, remaining <= TimeSpan.Zero);
        }
    }

    public void Extend(TimeSpan extra)
    {
        lock (gate)
        {
            remaining += extra;
            Duration += extra;
        }
    }

    /// <summary>Marks the result as sent; false when it was already sent (result URLs are single-use, contract P4).</summary>
    public bool TryMarkDelivered()
    {
        lock (gate)
        {
            if (delivered)
            {
                return false;
            }

            delivered = true;
            return true;
        }
    }

    /// <summary>Marks the run as no longer in flight; true the first time only.</summary>
    public bool TryEnd() => Interlocked.Exchange(ref ended, 1) == 0;

    /// <summary>Forgets the run's inputs and outcome once it has been ended some other way (a fault on a poll).</summary>
    public void Release() => Interlocked.Exchange(ref evaluation, null);

    /// <summary>The response that carries the end of the run; call it once, after <see cref="TryMarkDelivered"/>.</summary>
    public FakeResponse Result()
    {
        // Drop the evaluation (it may hold decoded inputs) so a delivered call stays behind only as a small tombstone.
        var done = Interlocked.Exchange(ref evaluation, null) ?? throw new InvalidOperationException("The result was already built.");
        FakeResponse response;
        if (FaultKinds.IsTerminal(Outcome))
        {
            response = FaultKinds.Terminal(Spec, Outcome);
        }
        else if (done.Failure is { } failure)
        {
            response = WireErrors.Render(Spec, failure);
        }
        else
        {
            response = done.Produce!(Duration);
        }

        response.WithHeader(FakeHeaders.FunctionCallId, CallId);
        return FaultKinds.Spoil(response, Delivery, DeliveryDuration);
    }
}
