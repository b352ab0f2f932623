namespace Modal.Client;

/// <summary>A batch's aggregate progress, reported to <see cref="ModalBatchOptions.Progress"/>.</summary>
public sealed record ModalBatchProgress
{
    /// <summary>The counts over all endpoints.</summary>
    public required ModalBatchCounts Overall { get; init; }

    /// <summary>The counts per endpoint (items refused before their endpoint was known are only in <see cref="Overall"/>).</summary>
    public required IReadOnlyDictionary<ModalEndpoint, ModalBatchCounts> ByEndpoint { get; init; }

    /// <summary>What this run's successful calls cost (reported or estimated per call).</summary>
    public decimal SpentUsd { get; init; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Estimated time until the items read so far end: per app, their durations (measured in this run, else the catalog's)
    /// over the app's concurrency, the slowest app; <see langword="null"/> when nothing is left or no duration is known.
    /// </summary>
    public TimeSpan? EstimatedRemainingTime { get; init; }

    /// <summary>Estimated cost of the items not finished (measured in this run, else the catalog's); <see langword="null"/> when unknown.</summary>
    public decimal? EstimatedRemainingCostUsd { get; init; }
}
