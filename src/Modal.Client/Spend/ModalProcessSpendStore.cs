using System.Runtime.InteropServices;

namespace Modal.Client;

/// <summary>
/// The default <see cref="IModalSpendStore"/>: this process's account, in memory. <see cref="ModalSpendSnapshot.ByEndpoint"/>
/// counts every call since start (or <see cref="Reset"/>); <see cref="ModalSpendSnapshot.WindowUsd"/> the rolling window.
/// </summary>
public sealed class ModalProcessSpendStore : IModalSpendStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Queue<(DateTimeOffset At, decimal Usd)> _window = new();
    private readonly Dictionary<string, Tally> _byEndpoint = new(StringComparer.Ordinal);
    private decimal _windowUsd;
    private decimal _inFlightUsd;

    /// <summary>Creates an empty account.</summary>
    /// <param name="timeProvider">The clock of the rolling window.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public ModalProcessSpendStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public ValueTask<ModalSpendReservation> ReserveAsync(ModalSpendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Reserve(request));
    }

    /// <summary>The synchronous form of <see cref="ReserveAsync"/>.</summary>
    /// <param name="request">The call and its estimate.</param>
    /// <returns>The reservation.</returns>
    public ModalSpendReservation Reserve(ModalSpendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var remaining = 0m;
            if (request.LimitUsd is { } limit)
            {
                Expire(request.Window);
                remaining = limit - _windowUsd - _inFlightUsd;
                if (request.EstimateUsd > remaining)
                {
                    return new ModalSpendReservation(request, Granted: false, Math.Max(remaining, 0), IsShared: false);
                }
            }

            _inFlightUsd += request.EstimateUsd;
            return new ModalSpendReservation(request, Granted: true, Math.Max(remaining, 0), IsShared: false);
        }
    }

    /// <inheritdoc/>
    public ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost, CancellationToken cancellationToken)
    {
        Settle(reservation, cost);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous form of <see cref="SettleAsync"/>.</summary>
    /// <param name="reservation">A granted reservation of this store.</param>
    /// <param name="cost">What the call cost; <see langword="null"/> when no GPU work can have run.</param>
    public void Settle(ModalSpendReservation reservation, ModalCost? cost)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (_gate)
        {
            if (reservation.Granted)
            {
                _inFlightUsd -= reservation.Request.EstimateUsd;
            }

            if (cost is not { } actual)
            {
                return;
            }

            ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_byEndpoint, reservation.Request.Endpoint.Path, out _);
            tally.Calls++;
            if (actual.IsEstimate)
            {
                tally.EstimatedUsd += actual.Usd;
            }
            else
            {
                tally.ReportedUsd += actual.Usd;
            }

            _window.Enqueue((_timeProvider.GetUtcNow(), actual.Usd));
            _windowUsd += actual.Usd;
            Expire(reservation.Request.Window);   // keep the window bounded even when no window limit ever reads it
        }
    }

    /// <inheritdoc/>
    public ModalSpendSnapshot Snapshot(TimeSpan window)
    {
        lock (_gate)
        {
            Expire(window);
            var lines = new Dictionary<string, ModalSpendLine>(_byEndpoint.Count, StringComparer.Ordinal);
            foreach (var (path, tally) in _byEndpoint)
            {
                lines[path] = new ModalSpendLine(tally.Calls, tally.ReportedUsd, tally.EstimatedUsd);
            }

            return ModalSpendSnapshot.Create(
                lines,
                _windowUsd,
                _inFlightUsd,
                isShared: false);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        lock (_gate)
        {
            _byEndpoint.Clear();
            _window.Clear();
            _windowUsd = 0;
        }
    }

    private void Expire(TimeSpan window)
    {
        var cutoff = _timeProvider.GetUtcNow() - window;
        while (_window.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _windowUsd -= _window.Dequeue().Usd;
        }
    }

    /// <summary>One endpoint's running totals, updated in place (a <see cref="ModalSpendLine"/> is built only for a snapshot).</summary>
    private struct Tally
    {
        public int Calls;
        public decimal ReportedUsd;
        public decimal EstimatedUsd;
    }
}
