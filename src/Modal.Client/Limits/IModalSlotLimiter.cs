namespace Modal.Client;

/// <summary>
/// Grants the slots of <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>: each call holds one slot of its app
/// from before its POST until its result is read. The default, <see cref="ModalProcessSlotLimiter"/>, counts the calls of
/// this process. Register another implementation as a singleton to count calls across processes (Modal.Client.Redis's
/// <c>UseRedis</c> does).
/// </summary>
/// <remarks>
/// The SDK reports the wait as <see cref="GeneratedMedia.QueueTime"/> (zero when <see cref="ModalSlotLease.Waited"/> is
/// <see langword="false"/>) and tags its queue metric with <see cref="ModalSlotLease.IsShared"/>. An implementation that
/// cannot check a shared limit throws <see cref="ModalSharedLimitsUnavailableException"/>: the call is then not sent.
/// </remarks>
public interface IModalSlotLimiter
{
    /// <summary>Waits for a free slot of <paramref name="endpoint"/>'s app, oldest waiter first.</summary>
    /// <param name="endpoint">The endpoint called; its <see cref="ModalEndpoint.App"/> names the limit.</param>
    /// <param name="permitLimit">How many calls the app may have in flight (<see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/>).</param>
    /// <param name="cancellationToken">Ends the wait: the caller's token linked with the call's time budget.</param>
    /// <returns>The slot. Dispose it to free it.</returns>
    /// <exception cref="ModalSharedLimitsUnavailableException">A shared limit could not be checked.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended the wait.</exception>
    ValueTask<ModalSlotLease> AcquireAsync(ModalEndpoint endpoint, int permitLimit, CancellationToken cancellationToken);
}
