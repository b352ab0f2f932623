namespace Modal.Client;

/// <summary>A call's request to hold its estimated cost against the budget, passed to <see cref="IModalSpendStore.ReserveAsync"/>.</summary>
/// <param name="Endpoint">The endpoint to call.</param>
/// <param name="EstimateUsd">The call's estimated cost in USD (the catalog's, or its whole time budget × the GPU price).</param>
/// <param name="LimitUsd">The most the window may hold, spent and reserved together (<see cref="ModalBudgetOptions.MaxSpendPerWindowUsd"/>); <see langword="null"/> for no limit.</param>
/// <param name="Window">The rolling window of the limit (<see cref="ModalBudgetOptions.Window"/>).</param>
/// <param name="HoldFor">How long the reservation may live at most: the call's time budget plus a margin. A shared store drops it afterwards, so a process that died does not hold budget for ever.</param>
public sealed record ModalSpendRequest(ModalEndpoint Endpoint, decimal EstimateUsd, decimal? LimitUsd, TimeSpan Window, TimeSpan HoldFor);
