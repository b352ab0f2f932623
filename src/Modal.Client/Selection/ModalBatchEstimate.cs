namespace Modal.Client;

/// <summary>What N calls of one endpoint are documented to cost and take.</summary>
public sealed record ModalBatchEstimate
{
    /// <summary>The endpoint.</summary>
    public required ModalEndpoint Endpoint { get; init; }

    /// <summary>The number of calls.</summary>
    public required int Calls { get; init; }

    /// <summary>Calls × documented cost; <see langword="null"/> when the endpoint's cost was never measured.</summary>
    public decimal? TotalCostUsd { get; init; }

    /// <summary>Calls × documented duration, one after another; <see langword="null"/> when never measured.</summary>
    public TimeSpan? SequentialDuration { get; init; }

    /// <summary>
    /// Documented duration × ⌈calls / concurrency⌉, with the client's concurrency limit per app (warm containers
    /// assumed); <see langword="null"/> when never measured.
    /// </summary>
    public TimeSpan? ConcurrentDuration { get; init; }

    /// <summary>The concurrency assumed for <see cref="ConcurrentDuration"/>.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Why a figure is missing, when one is.</summary>
    public string? Caveat { get; init; }
}
