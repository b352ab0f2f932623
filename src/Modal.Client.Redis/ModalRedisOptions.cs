namespace Modal.Client;

/// <summary>How <c>UseRedis</c> shares the SDK's limits through Redis. Read once, when the builder is configured.</summary>
public sealed class ModalRedisOptions
{
    /// <summary>
    /// The prefix of every key and channel the SDK uses (as a hash tag, <c>{prefix}:…</c>, so a Redis Cluster keeps them
    /// on one node). Processes with the same Redis and prefix share one concurrency limit per app and one budget; use
    /// another prefix for each deployment (or environment) that must not share them.
    /// </summary>
    /// <value>Default <c>modal-client</c>.</value>
    public string KeyPrefix { get; set; } = "modal-client";

    /// <summary>
    /// How long a slot of the shared concurrency limit stays taken without its process renewing it (every third of
    /// this). A crashed or killed process's slots come back after at most this long.
    /// </summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a call waiting for a slot asks Redis again. A freed slot also wakes waiters at once (Redis pub/sub);
    /// this is the fallback, and it bounds how late a slot freed by an expired lease is noticed.
    /// </summary>
    /// <value>Default 250 milliseconds.</value>
    public TimeSpan SlotPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// What happens while Redis cannot be reached. <see langword="false"/> (the default): every call is refused before
    /// sending with <see cref="ModalSharedLimitsUnavailableException"/> (nothing runs, so retrying later is safe): a
    /// shared limit that cannot be checked is not skipped silently. <see langword="true"/>: calls run on this process's
    /// own limits (<see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> and <see cref="ModalClientOptions.Budget"/>
    /// per process), with a warning log and the metric <c>modal.client.limits.fallbacks</c>; the fleet may then exceed
    /// the shared limits by up to one process's limits per process.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool FallBackToProcessLimits { get; set; }
}
