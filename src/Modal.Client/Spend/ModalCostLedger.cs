using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Modal.Client;

/// <summary>
/// The client's running account of spend, by endpoint and family, reported vs estimated; it also enforces
/// <see cref="ModalClientOptions.Budget"/>. One per service provider; get it from dependency injection. The account
/// lives in the registered <see cref="IModalSpendStore"/>: this process's by default, the fleet's with Modal.Client.Redis
/// (then <see cref="ModalSpendSnapshot.IsShared"/> is <see langword="true"/>).
/// </summary>
public sealed class ModalCostLedger
{
    /// <summary>How long a reservation outlives its call's time budget before a shared store drops it.</summary>
    internal static readonly TimeSpan HoldMargin = TimeSpan.FromMinutes(1);

    /// <summary>More than the endpoints times the budgets an application uses.</summary>
    private const int MaxCachedRequests = 256;

    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly IModalSpendStore _store;

    /// <summary>The spend requests built so far, by endpoint and budget (bounded: per-call timeouts may vary freely).</summary>
    private readonly ConcurrentDictionary<(ModalEndpoint Endpoint, TimeSpan Budget), ModalSpendRequest> _requests = new();

    internal ModalCostLedger(IOptionsMonitor<ModalClientOptions> options, IModalSpendStore store)
    {
        _options = options;
        _store = store;
    }

    /// <summary>The account now.</summary>
    /// <returns>A snapshot; it does not change afterwards.</returns>
    /// <exception cref="ModalSharedLimitsUnavailableException">The account is shared and its store could not be reached.</exception>
    public ModalSpendSnapshot Snapshot() => _store.Snapshot(_options.CurrentValue.Budget.Window);

    /// <summary>Clears the account (calls in flight keep their reservations). With a shared store, clears the fleet's.</summary>
    /// <exception cref="ModalSharedLimitsUnavailableException">The account is shared and its store could not be reached.</exception>
    public void Reset() => _store.Reset();

    /// <summary>Checks the budget and reserves the call's estimate, or refuses the call.</summary>
    internal async ValueTask<ModalSpendReservation> ReserveAsync(ModalEndpoint endpoint, TimeSpan budget, CancellationToken cancellationToken)
    {
        var estimate = Estimate(endpoint, budget);
        var limits = _options.CurrentValue.Budget;
        if (limits.MaxCostPerCallUsd is { } perCall && estimate > perCall)
        {
            throw Refuse(endpoint, estimate, perCall, perCall, "per call", shared: false);
        }

        var request = RequestFor(endpoint, estimate, budget, limits);
        var reservation = await _store.ReserveAsync(request, cancellationToken).ConfigureAwait(false);
        if (!reservation.Granted)
        {
            throw Refuse(endpoint, estimate, limits.MaxSpendPerWindowUsd ?? 0, reservation.RemainingUsd, $"per {Describe(limits.Window)}", reservation.IsShared);
        }

        return reservation;
    }

    /// <summary>
    /// The spend request of a call: the same for every call of an endpoint with one budget under the same limits, so it is
    /// built once (an immutable record) and reused while the limits stay as they were.
    /// </summary>
    private ModalSpendRequest RequestFor(ModalEndpoint endpoint, decimal estimate, TimeSpan budget, ModalBudgetOptions limits)
    {
        var key = (endpoint, budget);
        if (_requests.TryGetValue(key, out var cached)
            && cached.EstimateUsd == estimate
            && cached.LimitUsd == limits.MaxSpendPerWindowUsd
            && cached.Window == limits.Window)
        {
            return cached;
        }

        var request = new ModalSpendRequest(endpoint, estimate, limits.MaxSpendPerWindowUsd, limits.Window, budget + HoldMargin);
        if (_requests.Count < MaxCachedRequests)
        {
            _requests[key] = request;
        }

        return request;
    }

    /// <summary>Releases a reservation and records what the call cost (nothing when no GPU work can have run).</summary>
    internal ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost)
        => _store.SettleAsync(reservation, cost, CancellationToken.None);

    /// <summary>The catalog's cost, or for an endpoint never benchmarked its whole budget × the GPU price (an upper bound).</summary>
    internal static decimal Estimate(ModalEndpoint endpoint, TimeSpan budget)
        => endpoint.DocumentedCostUsd ?? Math.Round((decimal)budget.TotalSeconds * ModalCatalog.GpuPriceUsdPerSecond, 6);

    private static ModalBudgetExceededException Refuse(ModalEndpoint endpoint, decimal estimate, decimal limit, decimal remaining, string which, bool shared)
        => new(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{endpoint.Path} was not sent: its estimated cost ${estimate:0.000} would cross the {(shared ? "shared " : string.Empty)}budget of ${limit:0.000} {which} (${remaining:0.000} remains{(shared ? " for every process using the same store" : string.Empty)}). Raise ModalClientOptions.Budget or wait for the window to roll."),
            endpoint,
            estimate,
            limit,
            remaining);

    private static string Describe(TimeSpan window) => window.TotalHours >= 1 && window.TotalHours % 1 == 0
        ? $"{window.TotalHours:0} h"
        : $"{window.TotalMinutes:0} min";
}
