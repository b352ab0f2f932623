using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Modal.Client.Internal;

/// <summary>
/// The books of one call: the seed, the budget reservation, the activity and metrics, the log lines and the ledger
/// entry. A call whose GPU work may have run always lands in the ledger (reported cost, else an estimate from the time
/// since the POST left, the queue excluded); a call that never got past a rejection or its slot wait records nothing.
/// </summary>
internal sealed partial class CallAccounting(ModalCostLedger ledger, ModalTelemetry telemetry, ILogger<ModalCallRunner> logger)
{
    private readonly ModalCostLedger _ledger = ledger;
    private readonly ModalTelemetry _telemetry = telemetry;
    private readonly ILogger _logger = logger;

    /// <summary>Random seeds stay within 0..2^31-1, the narrowest range any handler draws from (/flux-pulid).</summary>
    public const long MaxRandomSeed = int.MaxValue;

    /// <summary>Fills a random seed in when the caller set none, and records the seed on the call.</summary>
    public static TRequest AssignSeed<TRequest>(ModalCall call, TRequest request)
    {
        if (request is not ISeededRequest<TRequest> seeded)
        {
            return request;
        }

        call.Seed = seeded.Seed ?? Random.Shared.NextInt64(0, MaxRandomSeed + 1);
        return seeded.Seed is null ? seeded.WithSeed(call.Seed.Value) : request;
    }

    /// <summary>Reserves the call's estimate against the budget (or refuses the call) and starts its activity.</summary>
    public async ValueTask<Entry> OpenAsync(ModalCall call, string? prompt, CancellationToken cancellationToken)
    {
        ModalSpendReservation reservation;
        try
        {
            reservation = await _ledger.ReserveAsync(call.Endpoint, call.Budget, cancellationToken).ConfigureAwait(false);
        }
        catch (ModalBudgetExceededException ex)
        {
            _telemetry.Refused(call.Endpoint);
            LogBudgetRefused(_logger, call.Endpoint.Path, ex.EstimateUsd, ex.LimitUsd, ex.RemainingUsd);
            throw;
        }
        catch (ModalSharedLimitsUnavailableException ex)
        {
            _telemetry.Refused(call.Endpoint, ex);
            LogLimitsUnavailable(_logger, call.Endpoint.Path, ex.Limit);
            throw;
        }

        return new Entry(this, call, reservation, _telemetry.StartCall(call.Endpoint, call.Seed, prompt));
    }

    /// <summary>The cost of a finished call: what the server reported, else the estimate.</summary>
    public static ModalCost CostOf(ModalCall call, HttpResponseMessage response)
        => ModalHeaders.ReportedCost(response) is { } reported ? new ModalCost(reported, ModalCostSource.Reported) : Estimate(call);

    /// <summary>The GPU time the call may have been billed for (from the first send to now) × the GPU price.</summary>
    public static ModalCost Estimate(ModalCall call)
        => new(Math.Round((decimal)call.TimeSinceSent.TotalSeconds * ModalCatalog.GpuPriceUsdPerSecond, 6), ModalCostSource.Estimated);

    /// <summary>
    /// One call's open account (a struct: it lives in the runner's pooled state machine). Book the outcome with
    /// <see cref="Succeeded"/> or <see cref="Failed"/>, then settle the ledger with what they return through <see cref="CloseAsync"/>.
    /// </summary>
    internal readonly struct Entry(CallAccounting books, ModalCall call, ModalSpendReservation reservation, Activity? activity)
    {
        /// <summary>Books a result; returns what the call cost.</summary>
        public ModalCost? Succeeded(GeneratedMedia result)
        {
            books._telemetry.Succeeded(activity, call.Endpoint, result, call.SlotShared);
            LogCompleted(books._logger, call.Endpoint.Path, result.Seed, result.Duration.TotalSeconds, result.Cost.Usd, result.Cost.IsEstimate, result.ResultUrlPolls, result.Retries, result.CallId);
            return result.Cost;
        }

        /// <summary>Books a failure; returns what the call may have cost (null when no GPU work can have run).</summary>
        public ModalCost? Failed(Exception exception)
        {
            var mayHaveRun = exception is ModalException modal ? modal.GpuWorkMayHaveRun : call.WorkMayHaveStarted;
            ModalCost? spent = mayHaveRun ? Estimate(call) : null;
            var duration = call.Elapsed;
            books._telemetry.Failed(activity, call.Endpoint, exception, duration, spent, call.Retries);
            LogFailed(books._logger, call.Endpoint.Path, ModalTelemetry.Outcome(exception), duration.TotalSeconds, mayHaveRun, (exception as ModalException)?.CallId ?? call.CallId);
            return spent;
        }

        /// <summary>Settles the ledger with what the call cost (<see langword="null"/>: nothing) and ends its activity.</summary>
        public ValueTask CloseAsync(ModalCost? spent) => SettleAsync(books, call, reservation, activity, spent);

        private static async ValueTask SettleAsync(CallAccounting books, ModalCall call, ModalSpendReservation reservation, Activity? activity, ModalCost? spent)
        {
            try
            {
                await books._ledger.SettleAsync(reservation, spent).ConfigureAwait(false);
            }
            finally
            {
                books._telemetry.Ended(call.Endpoint);
                activity?.Dispose();
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Modal call {Endpoint} completed: seed {Seed}, {DurationSeconds:0.0} s, ${CostUsd} (estimated: {CostIsEstimate}), {Polls} result-URL polls, {Retries} retries, call id {CallId}")]
    private static partial void LogCompleted(ILogger logger, string endpoint, long? seed, double durationSeconds, decimal costUsd, bool costIsEstimate, int polls, int retries, string? callId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Modal call {Endpoint} failed ({Outcome}) after {DurationSeconds:0.0} s; GPU work may have run: {GpuWorkMayHaveRun}; call id {CallId}")]
    private static partial void LogFailed(ILogger logger, string endpoint, string outcome, double durationSeconds, bool gpuWorkMayHaveRun, string? callId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Modal call {Endpoint} refused before sending: estimated ${EstimateUsd} would cross the budget of ${LimitUsd} (${RemainingUsd} remains)")]
    private static partial void LogBudgetRefused(ILogger logger, string endpoint, decimal estimateUsd, decimal limitUsd, decimal remainingUsd);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Modal call {Endpoint} refused before sending: the shared {Limit} limit could not be checked")]
    private static partial void LogLimitsUnavailable(ILogger logger, string endpoint, string limit);
}
