using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Holds calls to one app to <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> in flight with a
/// <see cref="System.Threading.RateLimiting.ConcurrencyLimiter"/> per app (an app container serves its inputs one after
/// another, so piling on only lengthens every call). Excess calls queue oldest first; the wait is the call's
/// <see cref="ModalCall.QueueTime"/> and nothing else. The limit is read when an app's limiter is first used (start-up only).
/// </summary>
internal sealed class AppSlotGate : IDisposable
{
    private readonly PartitionedRateLimiter<ModalApp> _limiter;
    private readonly TimeProvider _time;

    public AppSlotGate(IOptionsMonitor<ModalClientOptions> options, TimeProvider time)
    {
        _time = time;
        _limiter = PartitionedRateLimiter.Create<ModalApp, string>(app => RateLimitPartition.GetConcurrencyLimiter(
            app.Name,
            _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.CurrentValue.MaxConcurrentCallsPerApp,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>Waits for a slot of the call's app and records the wait on the call; dispose the lease to free the slot.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(ModalCall call, CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire(call.App);
        if (lease.IsAcquired)
        {
            call.RecordQueueTime(TimeSpan.Zero);
            return lease;
        }

        lease.Dispose();
        var started = _time.GetTimestamp();
        lease = await _limiter.AcquireAsync(call.App, 1, cancellationToken).ConfigureAwait(false);
        call.RecordQueueTime(_time.GetElapsedTime(started));
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The concurrency limiter of {call.App.Name} refused a slot.");
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
