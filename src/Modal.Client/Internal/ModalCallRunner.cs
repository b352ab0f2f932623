using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Runs one logical call by composing its parts: <see cref="CallAccounting"/> (seed, budget, telemetry, ledger),
/// <see cref="AppSlotGate"/> (per-app concurrency), <see cref="PostSender"/> (the POST through Polly's retry and breaker),
/// <see cref="ResultPoller"/> (303 result URLs), <see cref="ResultReader"/> (the body) and <see cref="FailureMapper"/>
/// (failures into the SDK's exceptions). All state of the call lives on its <see cref="ModalCall"/>.
/// </summary>
internal sealed class ModalCallRunner(
    IOptionsMonitor<ModalClientOptions> options,
    AppSlotGate slots,
    ResultPoller poller,
    ResultReader reader,
    CallAccounting accounting,
    ResultDestinations destinations,
    TimeProvider timeProvider)
{
    /// <summary>Runs one call of <paramref name="endpoint"/>: <paramref name="send"/> posts it through <paramref name="api"/>.</summary>
    /// <remarks>
    /// The family clients pass static lambdas with the Refit client as state, so a call allocates no delegate. The call's
    /// state lives in the pooled state machines of the steps below: the one <see cref="Task"/> this returns is small.
    /// </remarks>
    public async Task<TResult> RunAsync<TApi, TRequest, TResult>(
        ModalEndpoint endpoint,
        TRequest request,
        ModalCallOptions? callOptions,
        TApi api,
        Func<TApi, TRequest, ModalCall, CancellationToken, Task<HttpResponseMessage>> send,
        Func<GenerationDetails, TResult> createResult,
        CancellationToken cancellationToken)
        where TResult : GeneratedMedia
        => await RunBookedAsync(endpoint, request, callOptions, api, send, createResult, cancellationToken).ConfigureAwait(false);

    /// <summary>Opens the call's account, runs it and books its outcome, whatever it is.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult> RunBookedAsync<TApi, TRequest, TResult>(
        ModalEndpoint endpoint,
        TRequest request,
        ModalCallOptions? callOptions,
        TApi api,
        Func<TApi, TRequest, ModalCall, CancellationToken, Task<HttpResponseMessage>> send,
        Func<GenerationDetails, TResult> createResult,
        CancellationToken cancellationToken)
        where TResult : GeneratedMedia
    {
        var settings = options.CurrentValue;
        using var destination = destinations.Claim(callOptions);
        var call = new ModalCall(
            endpoint,
            callOptions,
            callOptions?.RetryMayChargeAgain ?? settings.Retry.RetryMayChargeAgain,
            callOptions?.Timeout ?? settings.BudgetFor(endpoint),
            timeProvider);
        request = CallAccounting.AssignSeed(call, request);
        cancellationToken.ThrowIfCancellationRequested();
        var prompt = settings.Telemetry.RecordPromptText ? (request as IPromptedRequest)?.PromptText : null;
        var entry = await accounting.OpenAsync(call, prompt, cancellationToken).ConfigureAwait(false);
        ModalCost? spent = null;
        try
        {
            var result = await RunCoreAsync(call, request, api, send, createResult, cancellationToken).ConfigureAwait(false);
            spent = entry.Succeeded(result);
            return result;
        }
        catch (Exception ex)
        {
            // Every failure is booked, whatever its type (a caller's ResultStream that throws while the paid result is
            // copied into it, too): a call whose GPU work may have run always lands in the ledger.
            spent = entry.Failed(ex);
            throw;
        }
        finally
        {
            await entry.CloseAsync(spent).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResult> RunCoreAsync<TApi, TRequest, TResult>(
        ModalCall call,
        TRequest request,
        TApi api,
        Func<TApi, TRequest, ModalCall, CancellationToken, Task<HttpResponseMessage>> send,
        Func<GenerationDetails, TResult> createResult,
        CancellationToken cancellationToken)
        where TResult : GeneratedMedia
    {
        // One source for the budget; a linked one only when the caller's token can cancel (one timer, no link otherwise).
        using var budget = new CancellationTokenSource(call.Budget, timeProvider);
        using var linkedSource = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token) : null;
        var linked = linkedSource ?? budget;
        try
        {
            call.Progress.Report(ModalCallStage.Queued);
            using var slot = await slots.AcquireAsync(call, linked.Token).ConfigureAwait(false);
            var posted = await PostSender.SendAsync(call, request, api, send, timeProvider, linked.Token).ConfigureAwait(false);
            var (response, resultUrl) = await poller.FollowAsync(call, posted, linked.Token).ConfigureAwait(false);
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await ModalErrorClassifier.ClassifyAsync(response, call.Endpoint, call.CallId, workStarted: call.Polls > 0, linked.Token).ConfigureAwait(false);
                }

                call.Progress.Report(ModalCallStage.Downloading);
                var body = await reader.ReadAsync(call, response, resultUrl, linked.Token).ConfigureAwait(false);
                var details = new GenerationDetails(
                    call.Endpoint,
                    body.Head,
                    body.Format,
                    ModalHeaders.ContentType(response),
                    call.Seed,
                    call.Elapsed,
                    CallAccounting.CostOf(call, response),
                    call.CallId,
                    call.Polls,
                    call.Retries,
                    call.QueueTime,
                    body.FilePath,
                    body.FilePath is null && call.Options?.ResultStream is null ? -1 : body.Length,
                    body.Info,
                    WrittenToStream: call.Options?.ResultStream is not null);
                call.Progress.Report(ModalCallStage.Completed);
                return createResult(details);
            }
        }
        catch (Exception ex) when (FailureMapper.TryMap(ex, call, budget.IsCancellationRequested, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }
}
