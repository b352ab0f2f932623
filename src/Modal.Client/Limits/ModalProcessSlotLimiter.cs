using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Modal.Client;

/// <summary>
/// The default <see cref="IModalSlotLimiter"/>: one <see cref="ConcurrencyLimiter"/> per app in this process, oldest
/// waiter first. The limit of an app is read when its first call asks for a slot.
/// </summary>
public sealed class ModalProcessSlotLimiter : IModalSlotLimiter, IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrencyLimiter> _limiters = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async ValueTask<ModalSlotLease> AcquireAsync(ModalEndpoint endpoint, int permitLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var app = endpoint.App ?? throw new ArgumentException($"{endpoint.Path} is not served by any app, so it has no concurrency limit.", nameof(endpoint));
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        var limiter = _limiters.GetOrAdd(app.Name, static (_, limit) => new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }), permitLimit);

        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return new ModalSlotLease(waited: false, isShared: false, lease);
        }

        lease.Dispose();
        lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The concurrency limiter of {app.Name} refused a slot.");
        }

        return new ModalSlotLease(waited: true, isShared: false, lease);
    }

    /// <summary>Disposes the limiters; calls still waiting fail.</summary>
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
