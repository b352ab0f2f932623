namespace Modal.Client;

/// <summary>
/// The default <see cref="IModalSpendStore"/>: this process's account, in memory. <see cref="ModalSpendSnapshot.ByEndpoint"/>
/// counts every call since start (or <see cref="Reset"/>); <see cref="ModalSpendSnapshot.WindowUsd"/> the rolling window.
/// </summary>
/// <remarks>
/// The window keeps at most about 1,024 entries whatever the call rate: costs settled within 1/1,024 of the window of
/// each other share one entry, stamped with the latest of them, so the window may count a cost up to that long after it
/// left (never drop it early): a budget errs on the side of refusing.
/// </remarks>
public sealed class ModalProcessSpendStore : IModalSpendStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Queue<(DateTimeOffset At, decimal Usd)> _window = new();
    private readonly Dictionary<string, ModalSpendLine> _byEndpoint = new(StringComparer.Ordinal);
    private decimal _windowUsd;
    private decimal _inFlightUsd;

    // The newest window entry, still open to costs settled soon after it started.
    private bool _hasOpen;
    private DateTimeOffset _openStarted;
    private DateTimeOffset _openAt;
    private decimal _openUsd;

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

            var path = reservation.Request.Endpoint.Path;
            var line = _byEndpoint.GetValueOrDefault(path) ?? new ModalSpendLine(0, 0, 0);
            _byEndpoint[path] = actual.IsEstimate
                ? line with { Calls = line.Calls + 1, EstimatedUsd = line.EstimatedUsd + actual.Usd }
                : line with { Calls = line.Calls + 1, ReportedUsd = line.ReportedUsd + actual.Usd };
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
            return ModalSpendSnapshot.Create(
                new Dictionary<string, ModalSpendLine>(_byEndpoint, StringComparer.Ordinal),
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
            _hasOpen = false;
            _openUsd = 0;
            _windowUsd = 0;
        }
    }

    private void AddToWindow(DateTimeOffset now, decimal usd, TimeSpan window)
    {
        _windowUsd += usd;
        if (_hasOpen && now - _openStarted < window / 1024)
        {
            _openAt = now;
            _openUsd += usd;
            return;
        }

        if (_hasOpen)
        {
            _window.Enqueue((_openAt, _openUsd));
        }

        (_hasOpen, _openStarted, _openAt, _openUsd) = (true, now, now, usd);
    }

    private void Expire(TimeSpan window)
    {
        var cutoff = _timeProvider.GetUtcNow() - window;
        while (_window.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _windowUsd -= _window.Dequeue().Usd;
        }

        if (_hasOpen && _window.Count == 0 && _openAt <= cutoff)
        {
            _windowUsd -= _openUsd;
            (_hasOpen, _openUsd) = (false, 0);
        }
    }
}
