namespace Modal.Client;

/// <summary>The answer of <see cref="IModalSpendStore.ReserveAsync"/>; pass a granted one to <see cref="IModalSpendStore.SettleAsync"/>.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Granted"><see langword="true"/> when the estimate is held and the call may go.</param>
/// <param name="RemainingUsd">What was left of <see cref="ModalSpendRequest.LimitUsd"/> before this reservation (never negative); 0 without a limit.</param>
/// <param name="IsShared"><see langword="true"/> when the account is shared with other processes.</param>
public sealed record ModalSpendReservation(ModalSpendRequest Request, bool Granted, decimal RemainingUsd, bool IsShared)
{
    /// <summary>The store's handle for the reservation, when it needs one (a shared store does).</summary>
    public string? Id { get; init; }
}
