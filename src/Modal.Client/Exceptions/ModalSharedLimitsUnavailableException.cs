namespace Modal.Client;

/// <summary>
/// The call was refused before sending because a limit shared with other processes (the per-app concurrency limit or the
/// budget, kept in Redis by Modal.Client.Redis) could not be checked: a limit that cannot be checked is not enforced
/// silently. Nothing was sent, so <see cref="ModalException.GpuWorkMayHaveRun"/> is <see langword="false"/> and retrying
/// later is safe.
/// </summary>
/// <remarks>
/// Modal.Client.Redis can run on per-process limits instead while Redis is unreachable
/// (<c>ModalRedisOptions.FallBackToProcessLimits</c>). The message names the store and what failed, never a password.
/// </remarks>
public sealed class ModalSharedLimitsUnavailableException : ModalException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be checked and what to do; it must not contain secrets.</param>
    /// <param name="endpoint">The endpoint that was not called; <see langword="null"/> when no call was refused (a ledger read).</param>
    /// <param name="limit">Which limit: <c>concurrency</c> or <c>budget</c>.</param>
    /// <param name="innerException">The store's error, if any.</param>
    public ModalSharedLimitsUnavailableException(string message, ModalEndpoint? endpoint, string limit, Exception? innerException = null)
        : base(message, endpoint, gpuWorkMayHaveRun: false, innerException)
    {
        Limit = limit;
    }

    /// <summary>Which limit could not be checked: <c>concurrency</c> or <c>budget</c>.</summary>
    public string Limit { get; }
}
