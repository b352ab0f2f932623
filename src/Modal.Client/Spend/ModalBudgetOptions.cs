namespace Modal.Client;

/// <summary>
/// A client-side spending limit. Before each call the SDK estimates its cost from the catalog and refuses the call,
/// before sending anything, when the estimate would cross a limit (<see cref="ModalBudgetExceededException"/>).
/// </summary>
/// <remarks>
/// An endpoint that was never benchmarked (/wan2.6-r2v) is estimated at its whole time budget × the GPU price, an
/// upper bound. Calls in flight hold their estimate until they finish, so racing calls cannot overspend by more than
/// the difference between one call's estimate and its actual cost.
/// </remarks>
public sealed class ModalBudgetOptions
{
    /// <summary>The highest estimated cost one call may have, in USD.</summary>
    /// <value>No limit.</value>
    public decimal? MaxCostPerCallUsd { get; set; }

    /// <summary>The most the client may spend within <see cref="Window"/>, in USD (reported and estimated costs).</summary>
    /// <value>No limit.</value>
    public decimal? MaxSpendPerWindowUsd { get; set; }

    /// <summary>The rolling window of <see cref="MaxSpendPerWindowUsd"/>.</summary>
    /// <value>1 hour.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
