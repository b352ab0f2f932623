namespace Modal.Client.Internal;

/// <summary>A batch's counts per endpoint and its measured durations and costs, for <see cref="ModalBatchProgress"/>.</summary>
internal sealed class BatchTally
{
    private readonly Dictionary<ModalEndpoint, Counts> _byEndpoint = [];
    private readonly Counts _overall = new();
    private decimal _spent;

    public void Wait(ModalEndpoint endpoint)
    {
        _overall.Waiting++;
        Of(endpoint).Waiting++;
    }

    public void Start(ModalEndpoint endpoint)
    {
        _overall.Waiting--;
        _overall.InFlight++;
        var counts = Of(endpoint);
        counts.Waiting--;
        counts.InFlight++;
    }

    public void Finish(ModalBatchResult result, bool wasInFlight)
    {
        Apply(_overall, result, wasInFlight);
        if (result.Endpoint is { } endpoint)
        {
            var counts = Of(endpoint);
            Apply(counts, result, wasInFlight);
            if (result is { Status: ModalBatchStatus.Ok, FromEarlierRun: false, Duration: { } duration })
            {
                counts.MeasuredCalls++;
                counts.MeasuredTime += duration;
                counts.MeasuredCost += result.CostUsd ?? 0;
            }
        }

        if (result is { Status: ModalBatchStatus.Ok, FromEarlierRun: false, CostUsd: { } cost })
        {
            _spent += cost;
        }
    }

    public ModalBatchProgress Snapshot(TimeSpan elapsed, int appLimit)
    {
        TimeSpan? remainingTime = null;
        decimal? remainingCost = null;
        var perApp = new Dictionary<ModalApp, TimeSpan>();
        foreach (var (endpoint, counts) in _byEndpoint)
        {
            var left = counts.InFlight + counts.Waiting;
            if (left == 0)
            {
                continue;
            }

            var duration = counts.MeasuredCalls > 0 ? counts.MeasuredTime / counts.MeasuredCalls : endpoint.TypicalDuration;
            var cost = counts.MeasuredCalls > 0 ? counts.MeasuredCost / counts.MeasuredCalls : endpoint.DocumentedCostUsd;
            if (duration is { } d && endpoint.App is { } app)
            {
                perApp[app] = perApp.GetValueOrDefault(app) + (d * left);
            }

            if (cost is { } c)
            {
                remainingCost = (remainingCost ?? 0) + (c * left);
            }
        }

        foreach (var total in perApp.Values)
        {
            var appTime = total / appLimit;
            remainingTime = remainingTime is { } current && current > appTime ? current : appTime;
        }

        return new ModalBatchProgress
        {
            Overall = _overall.ToRecord(),
            ByEndpoint = _byEndpoint.ToDictionary(e => e.Key, e => e.Value.ToRecord()),
            SpentUsd = _spent,
            Elapsed = elapsed,
            EstimatedRemainingTime = remainingTime,
            EstimatedRemainingCostUsd = remainingCost,
        };
    }

    private static void Apply(Counts counts, ModalBatchResult result, bool wasInFlight)
    {
        if (wasInFlight)
        {
            counts.InFlight--;
        }

        switch (result.Status)
        {
            case ModalBatchStatus.Ok when result.FromEarlierRun:
                counts.Skipped++;
                break;
            case ModalBatchStatus.Ok:
                counts.Ok++;
                break;
            case ModalBatchStatus.Failed:
                counts.Failed++;
                break;
            default:
                counts.Refused++;
                break;
        }
    }

    private Counts Of(ModalEndpoint endpoint)
    {
        if (!_byEndpoint.TryGetValue(endpoint, out var counts))
        {
            _byEndpoint[endpoint] = counts = new Counts();
        }

        return counts;
    }

    private sealed class Counts
    {
        public int Ok { get; set; }

        public int Skipped { get; set; }

        public int Failed { get; set; }

        public int Refused { get; set; }

        public int InFlight { get; set; }

        public int Waiting { get; set; }

        public int MeasuredCalls { get; set; }

        public TimeSpan MeasuredTime { get; set; }

        public decimal MeasuredCost { get; set; }

        public ModalBatchCounts ToRecord() => new()
        {
            Ok = Ok, Skipped = Skipped, Failed = Failed, Refused = Refused, InFlight = InFlight, Waiting = Waiting,
        };
    }
}
