namespace Modal.Client;

/// <summary>How <see cref="ModalBatch.RunAsync"/> runs a batch.</summary>
public sealed class ModalBatchOptions
{
    /// <summary>
    /// A folder for the result files and <c>manifest.jsonl</c>: each finished item is appended (and flushed) to the
    /// manifest the moment it completes, and each result is written through a temporary file moved into place. A run into
    /// a folder that already has a manifest skips every line recorded <c>ok</c> whose file is still there.
    /// </summary>
    /// <value>A folder path (created when missing); <see langword="null"/> keeps results in memory and writes no manifest.</value>
    public string? OutputFolder { get; init; }

    /// <summary>Receives the batch's aggregate progress after every change (started, finished, refused, skipped).</summary>
    public IProgress<ModalBatchProgress>? Progress { get; init; }

    /// <summary>
    /// After cancellation, how long items already sent may still finish before they are cancelled too (and reported
    /// <see cref="ModalBatchStatus.Failed"/>, GPU work may have run). No new item starts after cancellation.
    /// </summary>
    /// <value>Zero or more; 2 minutes by default.</value>
    public TimeSpan CancellationGracePeriod { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Items in flight at once over all apps. Each app also keeps its own <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>,
    /// which the batch never exceeds.
    /// </summary>
    /// <value>At least 1; <see langword="null"/> for no limit beyond the per-app one.</value>
    public int? MaxInFlight { get; init; }

    /// <summary>How many items are read from the sequence ahead of those in flight (so a slow app does not hold up a free one).</summary>
    /// <value>At least 1; 1000 by default.</value>
    public int ReadAhead { get; init; } = 1000;

    /// <summary>A time budget for each call, replacing the endpoint's configured budget; <see langword="null"/> for the configured one.</summary>
    public TimeSpan? CallTimeout { get; init; }
}
