using System.Runtime.InteropServices;

namespace Modal.Client;

/// <summary>
/// The default <see cref="IModalSpendStore"/>: this process's account, in memory. <see cref="ModalSpendSnapshot.ByEndpoint"/>
/// counts every call since start (or <see cref="Reset"/>); <see cref="ModalSpendSnapshot.WindowUsd"/> the rolling window.
/// </summary>
/// <remarks>
/// The rolling window keeps costs in slices of at most a thousandth of the window (and at most one second), so its
/// memory stays bounded however many calls a window holds. A slice leaves the window when its newest cost does: the
/// window total may include costs up to one slice older than the window, never less than the exact total (a window
/// budget stays conservative).
/// </remarks>
public sealed class ModalProcessSpendStore : IModalSpendStore
{
    /// <summary>The longest slice of the rolling window.</summary>
    internal static readonly TimeSpan MaxSlice = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Queue<Slice> _window = new();
    private readonly Dictionary<string, Tally> _byEndpoint = new(StringComparer.Ordinal);
    private Slice? _open;
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

            AddToWindow(_timeProvider.GetUtcNow(), actual.Usd, reservation.Request.Window);
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
            _open = null;
            _windowUsd = 0;
        }
    }

    /// <summary>Adds a cost to the newest slice, or opens a new one once the newest spans its length.</summary>
    private void AddToWindow(DateTimeOffset now, decimal usd, TimeSpan window)
    {
        var sliceLength = TimeSpan.FromTicks(Math.Min(window.Ticks / 1000, MaxSlice.Ticks));
        if (_open is { } open && now - open.Start < sliceLength)
        {
            _open = open with { Newest = now > open.Newest ? now : open.Newest, Usd = open.Usd + usd };
        }
        else
        {
            if (_open is { } closed)
            {
                _window.Enqueue(closed);
            }

            _open = new Slice(now, now, usd);
        }

        _windowUsd += usd;
    }

    private void Expire(TimeSpan window)
    {
        var cutoff = _timeProvider.GetUtcNow() - window;
        while (_window.TryPeek(out var oldest) && oldest.Newest <= cutoff)
        {
            _windowUsd -= _window.Dequeue().Usd;
        }

        if (_window.Count == 0 && _open is { } open && open.Newest <= cutoff)
        {
            _windowUsd -= open.Usd;
            _open = null;
        }
    }

    /// <summary>The costs of the window from <see cref="Start"/> to <see cref="Newest"/>.</summary>
    private readonly record struct Slice(DateTimeOffset Start, DateTimeOffset Newest, decimal Usd);

    /// <summary>One endpoint's running totals, updated in place (a <see cref="ModalSpendLine"/> is built only for a snapshot).</summary>
    private struct Tally
    {
        public int Calls;
        public decimal ReportedUsd;
        public decimal EstimatedUsd;
    }
}
