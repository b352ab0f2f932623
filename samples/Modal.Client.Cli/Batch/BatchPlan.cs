namespace Modal.Client.Cli.Batch;

/// <summary>
/// What a batch run will call: per endpoint, the valid lines not already done, with the catalog's cost and time at the
/// concurrency in force (<see cref="ModelSelector.EstimateBatch(ModalEndpoint, int, int)"/>); plus the invalid lines.
/// </summary>
internal sealed class BatchPlan
{
    private BatchPlan(IReadOnlyList<ModalBatchEstimate> estimates, IReadOnlyList<(BatchLine Line, string Error)> invalid, int alreadyDone, int concurrency)
    {
        Estimates = estimates;
        Invalid = invalid;
        AlreadyDone = alreadyDone;
        Concurrency = concurrency;
    }

    public IReadOnlyList<ModalBatchEstimate> Estimates { get; }

    public IReadOnlyList<(BatchLine Line, string Error)> Invalid { get; }

    public int AlreadyDone { get; }

    public int Concurrency { get; }

    public int Calls => Estimates.Sum(e => e.Calls);

    /// <summary>The catalog cost of every call; endpoints never benchmarked count as unknown, not zero.</summary>
    public decimal TotalCostUsd => Estimates.Sum(e => e.TotalCostUsd ?? 0);

    public bool CostUnknown => Estimates.Any(e => e.TotalCostUsd is null);

    /// <summary>The apps run side by side; the endpoints of one app share its concurrency, so the slowest app sets the time.</summary>
    public TimeSpan? Duration => Estimates.Count == 0
        ? TimeSpan.Zero
        : Estimates.GroupBy(e => e.Endpoint.App).Select(g => g.Aggregate(TimeSpan.Zero, (sum, e) => sum + (e.ConcurrentDuration ?? TimeSpan.Zero))).Max();

    public static BatchPlan Create(IReadOnlyList<BatchLine> lines, IReadOnlyDictionary<int, string> done, int concurrency)
    {
        var invalid = new List<(BatchLine, string)>();
        var toRun = new List<BatchLine>();
        var alreadyDone = 0;
        foreach (var line in lines)
        {
            try
            {
                line.Item.Validate();
            }
            catch (ArgumentException ex)
            {
                invalid.Add((line, CliErrors.MessageOf(ex)));
                continue;
            }

            if (done.TryGetValue(line.Line, out var endpoint) && endpoint == line.Endpoint!.Path)
            {
                alreadyDone++;
                continue;
            }

            toRun.Add(line);
        }

        var estimates = toRun
            .GroupBy(l => l.Endpoint!)
            .OrderBy(g => g.Min(l => l.Line))
            .Select(g => ModelSelector.EstimateBatch(g.Key, g.Count(), concurrency))
            .ToList();
        return new BatchPlan(estimates, invalid, alreadyDone, concurrency);
    }
}
