using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Holds calls to one app to <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> in flight through the registered
/// <see cref="IModalSlotLimiter"/> (an app container serves its inputs one after another, so piling on only lengthens
/// every call). The default limiter counts this process's calls; Modal.Client.Redis's counts every process's. The wait
/// is the call's <see cref="ModalCall.QueueTime"/> (zero when a slot was free at once) and nothing else.
/// </summary>
internal sealed class AppSlotGate(IModalSlotLimiter limiter, IOptionsMonitor<ModalClientOptions> options, TimeProvider time)
{
    /// <summary>Waits for a slot of the call's app and records the wait on the call; dispose the lease to free the slot.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ModalSlotLease> AcquireAsync(ModalCall call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var lease = await limiter.AcquireAsync(call.Endpoint, options.CurrentValue.MaxConcurrentCallsPerApp, cancellationToken).ConfigureAwait(false);
        call.RecordSlot(lease.Waited ? time.GetElapsedTime(started) : TimeSpan.Zero, lease.IsShared);
        return lease;
    }
}
