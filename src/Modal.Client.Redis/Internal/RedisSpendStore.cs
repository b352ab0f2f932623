using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Modal.Client.Internal;

/// <summary>
/// The budget and cost ledger shared through Redis: <see cref="RedisScripts.Reserve"/> checks the window's spend plus
/// the fleet's held estimates and holds this call's estimate in one atomic step, so N racing processes overspend by at
/// most the difference between one estimate and its call's cost each. A held estimate lapses after the call's time
/// budget plus a minute, so a dead process does not hold budget. The snapshot is the fleet's spend within the window.
/// </summary>
internal sealed partial class RedisSpendStore(RedisLimits limits) : IModalSpendStore
{
    private const decimal NanosPerUsd = 1_000_000_000m;

    private readonly ModalProcessSpendStore _local = new(limits.Time);

    public async ValueTask<ModalSpendReservation> ReserveAsync(ModalSpendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var estimate = Nanos(request.EstimateUsd);
        var held = string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}|{estimate}|{request.Endpoint.Path}");
        try
        {
            var database = limits.Connection.Database();
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(
                RedisScripts.Reserve,
                Keys,
                [Milliseconds(request.Window), held, estimate, request.LimitUsd is { } limit ? Nanos(limit) : -1, Milliseconds(request.HoldFor)]).ConfigureAwait(false))!;
            limits.Reached();
            var granted = (int)result[0] == 1;
            var remaining = request.LimitUsd is { } max ? Math.Max(max - Usd((long)result[1]) - Usd((long)result[2]), 0) : 0;
            return new ModalSpendReservation(request, granted, remaining, IsShared: true) { Id = held };
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            if (request.LimitUsd is null)
            {
                // No budget to enforce: this process's account records the call (the slot limiter decides whether it runs).
                return _local.Reserve(request);
            }

            if (!limits.Options.FallBackToProcessLimits)
            {
                throw limits.Unavailable(request.Endpoint, "budget", ex);
            }

            limits.FellBack(request.Endpoint, "budget", ex);
            return _local.Reserve(request);
        }
    }

    public async ValueTask SettleAsync(ModalSpendReservation reservation, ModalCost? cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (!reservation.IsShared)
        {
            _local.Settle(reservation, cost);
            return;
        }

        var spent = cost is { } actual
            ? string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}|{reservation.Request.Endpoint.Path}|{(actual.IsEstimate ? 'e' : 'r')}|{Nanos(actual.Usd)}")
            : string.Empty;
        try
        {
            var database = limits.Connection.Database();
            await database.ScriptEvaluateAsync(
                RedisScripts.Settle,
                Keys,
                [Milliseconds(reservation.Request.Window), reservation.Granted ? reservation.Id : string.Empty, spent, cost is { } c ? Nanos(c.Usd) : 0]).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            // The estimate lapses by itself; the cost stays in this process's account.
            LogSettleFailed(limits.Logger, reservation.Request.Endpoint.Path, limits.Connection.Store, RedisFailures.Reason(ex));
            _local.Settle(reservation with { Granted = false }, cost);
        }
    }

    public ModalSpendSnapshot Snapshot(TimeSpan window)
    {
        try
        {
            var database = limits.Connection.Database();
            var result = (RedisResult[])database.ScriptEvaluate(RedisScripts.Snapshot, Keys, [Milliseconds(window)])!;
            limits.Reached();
            var byEndpoint = new Dictionary<string, ModalSpendLine>(StringComparer.Ordinal);
            for (var i = 2; i < result.Length; i++)
            {
                var parts = ((string)result[i]!).Split('|');
                if (parts.Length != 4 || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nanos))
                {
                    continue;
                }

                var usd = Usd(nanos);
                var line = byEndpoint.GetValueOrDefault(parts[1]) ?? new ModalSpendLine(0, 0, 0);
                byEndpoint[parts[1]] = parts[2] == "e"
                    ? line with { Calls = line.Calls + 1, EstimatedUsd = line.EstimatedUsd + usd }
                    : line with { Calls = line.Calls + 1, ReportedUsd = line.ReportedUsd + usd };
            }

            return ModalSpendSnapshot.Create(byEndpoint, Usd((long)result[0]), Usd((long)result[1]), isShared: true);
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            if (!limits.Options.FallBackToProcessLimits)
            {
                throw limits.Unavailable(endpoint: null, "budget", ex);
            }

            limits.FellBack(endpoint: null, "budget", ex);
            return _local.Snapshot(window);
        }
    }

    public void Reset()
    {
        _local.Reset();
        try
        {
            limits.Connection.Database().KeyDelete([limits.Keys.SpendWindow, limits.Keys.SpendWindowSum]);
        }
        catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
        {
            throw limits.Unavailable(endpoint: null, "budget", ex);
        }
    }

    private RedisKey[] Keys => [limits.Keys.SpendWindow, limits.Keys.SpendWindowSum, limits.Keys.SpendHeld];

    private static long Nanos(decimal usd) => (long)Math.Round(usd * NanosPerUsd, MidpointRounding.AwayFromZero);

    private static decimal Usd(long nanos) => nanos / NanosPerUsd;

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning,
        Message = "The cost of a {Endpoint} call could not be recorded in {Store} ({Reason}): it is kept in this process's account, and its reservation lapses by itself")]
    private static partial void LogSettleFailed(ILogger logger, string endpoint, string store, string reason);
}
