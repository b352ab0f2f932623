namespace Modal.Client;

/// <summary>How one batch item ended; the manifest line records the same.</summary>
public sealed record ModalBatchResult
{
    /// <summary>The item's 1-based line (<see cref="ModalBatchItem.Line"/>, or its position in the sequence).</summary>
    public required int Line { get; init; }

    /// <summary>The endpoint; <see langword="null"/> for a refused item whose endpoint is unknown.</summary>
    public ModalEndpoint? Endpoint { get; init; }

    /// <summary>Ok, failed or refused.</summary>
    public required ModalBatchStatus Status { get; init; }

    /// <summary>The result of a call made in this run; <see langword="null"/> otherwise (and for <see cref="FromEarlierRun"/>).</summary>
    public GeneratedMedia? Media { get; init; }

    /// <summary>Why the item failed or was refused: a <see cref="ModalException"/>, an <see cref="ArgumentException"/>, or an <see cref="OperationCanceledException"/> when the batch was stopped.</summary>
    public Exception? Error { get; init; }

    /// <summary>The full path of the result file, when the batch has an <see cref="ModalBatchOptions.OutputFolder"/>.</summary>
    public string? FilePath { get; init; }

    /// <summary>The seed sent (or asked for, when the call failed); <see langword="null"/> when unknown or the endpoint has none.</summary>
    public long? Seed { get; init; }

    /// <summary>Modal's function call id, when known.</summary>
    public string? CallId { get; init; }

    /// <summary>The call's cost in USD (reported or estimated); <see langword="null"/> for failures and refusals.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The call's wall-clock time; <see langword="null"/> for refusals.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>For failures, whether the GPU job may have started (and may be billed).</summary>
    public bool GpuWorkMayHaveRun { get; init; }

    /// <summary>The item was finished by an earlier run into the same folder and skipped; the figures come from its manifest line.</summary>
    public bool FromEarlierRun { get; init; }
}
