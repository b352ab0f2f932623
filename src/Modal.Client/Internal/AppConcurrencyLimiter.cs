using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Holds calls to one app to <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> in flight; excess calls wait
/// their turn (an app container serves its inputs one after another, so piling on only lengthens every call).
/// </summary>
internal sealed class AppConcurrencyLimiter(IOptionsMonitor<ModalClientOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(ModalApp app, CancellationToken cancellationToken)
    {
        var slots = _slots.GetOrAdd(app.Name, static (_, max) => new SemaphoreSlim(max, max), options.CurrentValue.MaxConcurrentCallsPerApp);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(slots);
    }

    public void Dispose()
    {
        foreach (var slots in _slots.Values)
        {
            slots.Dispose();
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
