namespace Modal.Client;

/// <summary>
/// Where <see cref="ModalCostLedger"/> keeps its account: the estimates held by calls in flight and the spend of the
/// budget's rolling window. The default, <see cref="ModalProcessSpendStore"/>, keeps this process's account in memory.
/// Register another implementation as a singleton to share one budget between processes (Modal.Client.Redis's
/// <c>UseRedis</c> does).
/// </summary>
/// <remarks>
/// <see cref="ReserveAsync"/> must check and hold atomically with respect to every other process using the same
/// store, so racing calls can overspend by at most the difference between one call's estimate and its cost, per
/// process. A store that cannot check a limit throws <see cref="ModalSharedLimitsUnavailableException"/>.
/// </remarks>
public interface IModalSpendStore
{
    /// <summary>
    /// Atomically: drops window entries older than <see cref="ModalSpendRequest.Window"/>, then, when
    /// <see cref="ModalSpendRequest.LimitUsd"/> is unset or the window's spend plus the estimates held plus this
    /// estimate stay within it, holds the estimate until <see cref="SettleAsync"/> (or until
    /// <see cref="ModalSpendRequest.HoldFor"/> passed, for a process that died).
    /// </summary>
    /// <param name="request">The call and its estimate.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    /// <returns>The reservation: <see cref="ModalSpendReservation.Granted"/> tells whether the call may go.</returns>
    /// <exception cref="ModalSharedLimitsUnavailableException">A shared store could not be reached.</exception>
    ValueTask<ModalSpendReservation> ReserveAsync(ModalSpendRequest request, CancellationToken cancellationToken);

    /// <summary>Releases a granted reservation and records what the call cost (nothing when no GPU work can have run).</summary>
    /// <param name="reservation">A granted reservation of this store.</param>
    /// <param name="cost">What the call cost; <see langword="null"/> when no GPU work can have run.</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    /// <returns>A task that completes once the account is updated. It does not throw when a shared store is unreachable
    /// (the reservation then expires by itself).</returns>
    ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost, CancellationToken cancellationToken);

    /// <summary>The account now.</summary>
    /// <param name="window">The budget's rolling window (<see cref="ModalBudgetOptions.Window"/>).</param>
    /// <returns>A snapshot; it does not change afterwards.</returns>
    /// <exception cref="ModalSharedLimitsUnavailableException">A shared store could not be reached.</exception>
    ModalSpendSnapshot Snapshot(TimeSpan window);

    /// <summary>Clears the recorded spend (calls in flight keep their reservations).</summary>
    /// <exception cref="ModalSharedLimitsUnavailableException">A shared store could not be reached.</exception>
    void Reset();
}
