using Microsoft.Extensions.Options;

namespace Modal.Client;

/// <summary>
/// The client's running account of spend, by endpoint and family, reported vs estimated; it also enforces
/// <see cref="ModalClientOptions.Budget"/>. One per service provider; get it from dependency injection.
/// </summary>
public sealed class ModalCostLedger
{
    private readonly Lock _gate = new();
    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<(DateTimeOffset At, decimal Usd)> _window = new();
    private readonly Dictionary<string, ModalSpendLine> _byEndpoint = new(StringComparer.Ordinal);
    private decimal _windowUsd;
    private decimal _inFlightUsd;

    internal ModalCostLedger(IOptionsMonitor<ModalClientOptions> options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The account now.</summary>
    /// <returns>A snapshot; it does not change afterwards.</returns>
    public ModalSpendSnapshot Snapshot()
    {
        lock (_gate)
        {
            Expire();
            var byEndpoint = new Dictionary<string, ModalSpendLine>(_byEndpoint, StringComparer.Ordinal);
            return new ModalSpendSnapshot
            {
                Total = Sum(byEndpoint.Values),
                ByEndpoint = byEndpoint,
                ByFamily = byEndpoint
                    .GroupBy(e => ModalCatalog.Get(e.Key).Family!.Value)
                    .ToDictionary(g => g.Key, g => Sum(g.Select(e => e.Value))),
                WindowUsd = _windowUsd,
                InFlightEstimateUsd = _inFlightUsd,
            };
        }
    }

    /// <summary>Clears the account (calls in flight keep their reservations).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _byEndpoint.Clear();
            _window.Clear();
            _windowUsd = 0;
        }
    }

    /// <summary>Checks the budget and reserves the call's estimate, or refuses the call.</summary>
    internal decimal Reserve(ModalEndpoint endpoint, TimeSpan budget)
    {
        var estimate = Estimate(endpoint, budget);
        var limits = _options.CurrentValue.Budget;
        lock (_gate)
        {
            if (limits.MaxCostPerCallUsd is { } perCall && estimate > perCall)
            {
                throw Refuse(endpoint, estimate, perCall, perCall, "per call");
            }

            if (limits.MaxSpendPerWindowUsd is { } perWindow)
            {
                Expire();
                var remaining = perWindow - _windowUsd - _inFlightUsd;
                if (estimate > remaining)
                {
                    throw Refuse(endpoint, estimate, perWindow, Math.Max(remaining, 0), $"per {Describe(limits.Window)}");
                }
            }

            _inFlightUsd += estimate;
            return estimate;
        }
    }

    /// <summary>Releases a reservation and records what the call cost (nothing when no GPU work can have run).</summary>
    internal void Settle(ModalEndpoint endpoint, decimal reservation, ModalCost? cost)
    {
        lock (_gate)
        {
            _inFlightUsd -= reservation;
            if (cost is not { } actual)
            {
                return;
            }

            var line = _byEndpoint.GetValueOrDefault(endpoint.Path) ?? new ModalSpendLine(0, 0, 0);
            _byEndpoint[endpoint.Path] = actual.IsEstimate
                ? line with { Calls = line.Calls + 1, EstimatedUsd = line.EstimatedUsd + actual.Usd }
                : line with { Calls = line.Calls + 1, ReportedUsd = line.ReportedUsd + actual.Usd };
            _window.Enqueue((_timeProvider.GetUtcNow(), actual.Usd));
            _windowUsd += actual.Usd;
        }
    }

    /// <summary>The catalog's cost, or for an endpoint never benchmarked its whole budget × the GPU price (an upper bound).</summary>
    internal static decimal Estimate(ModalEndpoint endpoint, TimeSpan budget)
        => endpoint.DocumentedCostUsd ?? Math.Round((decimal)budget.TotalSeconds * ModalCatalog.GpuPriceUsdPerSecond, 6);

    private void Expire()
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.CurrentValue.Budget.Window;
        while (_window.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _windowUsd -= _window.Dequeue().Usd;
        }
    }

    private static ModalBudgetExceededException Refuse(ModalEndpoint endpoint, decimal estimate, decimal limit, decimal remaining, string which)
        => new(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{endpoint.Path} was not sent: its estimated cost ${estimate:0.000} would cross the budget of ${limit:0.000} {which} (${remaining:0.000} remains). Raise ModalClientOptions.Budget or wait for the window to roll."),
            endpoint,
            estimate,
            limit,
            remaining);

    private static string Describe(TimeSpan window) => window.TotalHours >= 1 && window.TotalHours % 1 == 0
        ? $"{window.TotalHours:0} h"
        : $"{window.TotalMinutes:0} min";

    private static ModalSpendLine Sum(IEnumerable<ModalSpendLine> lines)
        => lines.Aggregate(new ModalSpendLine(0, 0, 0), (a, b) => new ModalSpendLine(a.Calls + b.Calls, a.ReportedUsd + b.ReportedUsd, a.EstimatedUsd + b.EstimatedUsd));
}
