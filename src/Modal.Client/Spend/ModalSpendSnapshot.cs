namespace Modal.Client;

/// <summary>The ledger's account at one moment.</summary>
public sealed record ModalSpendSnapshot
{
    /// <summary>All calls together.</summary>
    public required ModalSpendLine Total { get; init; }

    /// <summary>Per endpoint path.</summary>
    public required IReadOnlyDictionary<string, ModalSpendLine> ByEndpoint { get; init; }

    /// <summary>Per family.</summary>
    public required IReadOnlyDictionary<ModalFamily, ModalSpendLine> ByFamily { get; init; }

    /// <summary>Spend within the budget's rolling window.</summary>
    public required decimal WindowUsd { get; init; }

    /// <summary>Estimates held by calls still in flight.</summary>
    public required decimal InFlightEstimateUsd { get; init; }
}
