using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Modal.Client.Internal;

/// <summary>
/// Runs one logical call: picks a seed, waits for a slot of the app's concurrency limit, enforces the time budget,
/// follows Modal's 303 result URLs with GETs (retrying transient poll failures, never re-POSTing), reads the body,
/// recognises the media and builds the result, or classifies the failure into the SDK's exceptions.
/// </summary>
internal sealed partial class ModalCallRunner(
    IOptionsMonitor<ModalClientOptions> options,
    IHttpClientFactory httpClientFactory,
    AppConcurrencyLimiter limiter,
    ModalTelemetry telemetry,
    ModalCostLedger ledger,
    TimeProvider timeProvider,
    ILogger<ModalCallRunner> logger)
{
    /// <summary>The named client used for result-URL polls; it shares the SDK's pipeline.</summary>
    public const string ResultClientName = "Modal.Client.Results";

    /// <summary>The query parameter of a result URL that names the function call (Appendix P1).</summary>
    public const string CallIdQueryParameter = "__modal_function_call_id";

    /// <summary>The header that carries Modal's function call id (Appendix P11).</summary>
    public const string CallIdHeader = "Modal-Function-Call-Id";

    /// <summary>The header that carries the server-reported cost (sent lower-case by /flux-pulid only).</summary>
    public const string CostHeader = "x-cost-usd";

    /// <summary>Random seeds stay within 0..2^31-1, the narrowest range any handler draws from (/flux-pulid).</summary>
    public const long MaxRandomSeed = int.MaxValue;

    public async Task<TResult> RunAsync<TRequest, TResult>(
        string path,
        TRequest request,
        Func<TRequest, CancellationToken, Task<HttpResponseMessage>> send,
        Func<GenerationDetails, TResult> createResult,
        CancellationToken cancellationToken)
        where TResult : GeneratedMedia
    {
        var endpoint = ModalCatalog.Get(path);
        var settings = options.CurrentValue;
        var callOptions = ModalCallOptions.Current;
        long? seed = null;
        if (request is ISeededRequest<TRequest> seeded)
        {
            seed = seeded.Seed ?? Random.Shared.NextInt64(0, MaxRandomSeed + 1);
            request = seeded.Seed is null ? seeded.WithSeed(seed.Value) : request;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var budget = callOptions?.Timeout ?? settings.BudgetFor(endpoint);
        decimal reservation;
        try
        {
            reservation = ledger.Reserve(endpoint, budget);
        }
        catch (ModalBudgetExceededException ex)
        {
            telemetry.Refused(endpoint);
            LogBudgetRefused(logger, endpoint.Path, ex.EstimateUsd, ex.LimitUsd, ex.RemainingUsd);
            throw;
        }

        var progress = new ProgressReporter(callOptions?.Progress, endpoint, timeProvider);
        var state = new ModalCallState(
            endpoint, callOptions?.RetryMayChargeAgain ?? settings.Retry.RetryMayChargeAgain, attempt => progress.Report(ModalCallStage.Retrying, attempt: attempt));
        ModalCallState.Current = state;
        var prompt = settings.Telemetry.RecordPromptText ? (request as IPromptedRequest)?.PromptText : null;
        using var activity = telemetry.StartCall(endpoint, seed, prompt);
        ModalCost? spent = null;
        try
        {
            var result = await RunCoreAsync(endpoint, request, seed, send, createResult, budget, progress, state, settings, cancellationToken).ConfigureAwait(false);
            spent = result.Cost;
            telemetry.Succeeded(activity, endpoint, result);
            return result;
        }
        catch (Exception ex) when (ex is ModalException or OperationCanceledException)
        {
            var duration = progress.Elapsed;
            var mayHaveRun = ex is ModalException modal ? modal.GpuWorkMayHaveRun : state.Sent;
            spent = mayHaveRun ? EstimatedCost(duration) : null;
            telemetry.Failed(activity, endpoint, ex, duration, spent, state.Retries);
            LogFailed(logger, endpoint.Path, ModalTelemetry.Outcome(ex), duration.TotalSeconds, mayHaveRun, (ex as ModalException)?.CallId);
            throw;
        }
        finally
        {
            ledger.Settle(endpoint, reservation, spent);
            telemetry.Ended(endpoint);
        }
    }

    private async Task<TResult> RunCoreAsync<TRequest, TResult>(
        ModalEndpoint endpoint,
        TRequest request,
        long? seed,
        Func<TRequest, CancellationToken, Task<HttpResponseMessage>> send,
        Func<GenerationDetails, TResult> createResult,
        TimeSpan budget,
        ProgressReporter progress,
        ModalCallState state,
        ModalClientOptions settings,
        CancellationToken cancellationToken)
        where TResult : GeneratedMedia
    {
        using var budgetSource = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetSource.Token);
        var sent = false;
        var answered = false;
        string? callId = null;
        try
        {
            progress.Report(ModalCallStage.Queued);
            using var slot = await limiter.AcquireAsync(endpoint.App!, linked.Token).ConfigureAwait(false);
            var queueTime = progress.Elapsed;
            progress.Report(ModalCallStage.Sending);
            sent = true;
            state.Sent = true;
            HttpResponseMessage response;
            using (progress.Heartbeat())
            {
                response = await send(request, linked.Token).ConfigureAwait(false);
            }

            answered = true;
            var polls = 0;
            Uri? resultUrl = null;
            while (response.StatusCode == HttpStatusCode.SeeOther)
            {
                resultUrl = ResultUrl(response);
                callId = CallId(response) ?? CallIdFrom(resultUrl) ?? callId;
                response.Dispose();
                polls++;
                LogPoll(logger, endpoint.Path, polls, callId);
                progress.Report(ModalCallStage.Redirected, polls, callId);
                using (progress.Heartbeat())
                {
                    response = await PollAsync(resultUrl, state, settings, linked.Token).ConfigureAwait(false);
                }
            }

            using (response)
            {
                callId = CallId(response) ?? callId;
                if (!response.IsSuccessStatusCode)
                {
                    throw await ModalErrorClassifier.ClassifyAsync(response, endpoint, callId, workStarted: polls > 0, linked.Token).ConfigureAwait(false);
                }

                progress.Report(ModalCallStage.Downloading, polls, callId);
                var resultFile = ModalCallOptions.Current?.ResultFile;
                var limit = new ResultSizeLimit(settings.MaxResultBytes, endpoint, callId);
                var (content, length) = resultFile is null
                    ? await ReadBodyAsync(response, resultUrl, state, settings, callId, async (c, ct) => (Head: await ResponseBody.ReadAsync(c, limit, ct).ConfigureAwait(false), Length: -1L), linked.Token).ConfigureAwait(false)
                    : await ReadBodyAsync(response, resultUrl, state, settings, callId, (c, ct) => ResponseBody.SaveAsync(c, resultFile, limit, ct), linked.Token).ConfigureAwait(false);
                MediaFormat format;
                try
                {
                    format = CheckMedia(content, length < 0 ? content.Length : length, endpoint, response, callId);
                }
                catch (ModalInvalidResponseException) when (resultFile is not null)
                {
                    File.Delete(resultFile);
                    throw;
                }

                var duration = progress.Elapsed;
                var details = new GenerationDetails(
                    endpoint.Path,
                    content,
                    format,
                    response.Content.Headers.ContentType?.ToString(),
                    seed,
                    duration,
                    Cost(response, duration),
                    callId,
                    polls,
                    state.Retries,
                    queueTime,
                    resultFile is null ? null : Path.GetFullPath(resultFile),
                    length);
                LogCompleted(logger, endpoint.Path, seed, duration.TotalSeconds, details.Cost.Usd, details.Cost.IsEstimate, polls, state.Retries, callId);
                progress.Report(ModalCallStage.Completed, polls, callId);
                return createResult(details);
            }
        }
        catch (OperationCanceledException ex) when (budgetSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ModalTimeoutException(
                $"{endpoint.Path} did not finish within its budget of {budget.TotalSeconds:0} s{(sent ? "" : " (it was still waiting for a free slot)")}. "
                + (sent ? "The GPU job may still run on Modal and be billed. " : "Nothing was sent. ")
                + "Raise ModalClientOptions.EndpointTimeouts or Timeout if the endpoint needs longer.",
                endpoint.Path,
                budget,
                sent,
                ex)
            {
                App = endpoint.App?.Name,
                CallId = callId,
            };
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(
                sent
                    ? $"The call to {endpoint.Path} was cancelled after it was sent: the GPU job may still run on Modal and be billed{(callId is null ? "." : $" (call id {callId}).")}"
                    : $"The call to {endpoint.Path} was cancelled before it was sent.",
                ex,
                cancellationToken);
        }
        catch (Exception wrapper) when (Unwrap(wrapper) is BrokenCircuitException broken)
        {
            throw new ModalCircuitOpenException(endpoint.Path, endpoint.App!.Name, broken.RetryAfter, broken) { CallId = callId };
        }
        catch (Refit.ApiRequestException ex) when (Unwrap(ex) is not (HttpRequestException or OperationCanceledException))
        {
            // Anything else Refit wraps (a failure inside the HTTP pipeline): never let a Refit type escape.
            throw new ModalTransportException(
                $"{endpoint.Path} failed inside the HTTP pipeline ({ex.InnerException?.GetType().Name ?? ex.GetType().Name}): {ex.InnerException?.Message ?? ex.Message}"
                + (answered ? " The GPU job may have run and been billed." : string.Empty),
                endpoint.Path,
                answered,
                ex.InnerException ?? ex)
            {
                App = endpoint.App?.Name,
                CallId = callId,
            };
        }
        catch (Exception wrapper) when (Unwrap(wrapper) is HttpRequestException ex)
        {
            // A connection that could not be made never reached the app; anything later may have started GPU work.
            var mayHaveRun = answered || ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
            throw new ModalTransportException(
                $"{endpoint.Path} failed on the network ({ex.HttpRequestError}): {ex.Message}"
                + (mayHaveRun ? " The GPU job may have run and been billed." : " The request did not reach the app."),
                endpoint.Path,
                mayHaveRun,
                ex)
            {
                App = endpoint.App?.Name,
                CallId = callId,
                StatusCode = (int?)ex.StatusCode,
            };
        }
    }

    /// <summary>
    /// GETs a result URL. Reloading it never starts new GPU work, so transient failures (network errors, a poll that
    /// outlives <see cref="ModalClientOptions.ResultPollTimeout"/>, platform 5xx, 429) are retried with backoff.
    /// </summary>
    private async Task<HttpResponseMessage> PollAsync(Uri resultUrl, ModalCallState state, ModalClientOptions settings, CancellationToken cancellationToken)
    {
        state.Polling = true;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var canRetry = attempt < settings.Retry.MaxPollRetries;
                using var pollTimeout = new CancellationTokenSource(settings.ResultPollTimeout, timeProvider);
                using var pollToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, pollTimeout.Token);
                using var poll = new HttpRequestMessage(HttpMethod.Get, resultUrl);
                poll.Options.Set(ModalResiliencePolicy.EndpointOption, state.Endpoint.Path);
                TimeSpan? retryAfter = null;
                try
                {
                    var response = await httpClientFactory.CreateClient(ResultClientName)
                        .SendAsync(poll, HttpCompletionOption.ResponseHeadersRead, pollToken.Token).ConfigureAwait(false);
                    if (!canRetry || !await IsTransientPollFailureAsync(response, pollToken.Token).ConfigureAwait(false))
                    {
                        return response;
                    }

                    retryAfter = response.Headers.RetryAfter?.Delta;
                    response.Dispose();
                }
                catch (HttpRequestException) when (canRetry && !cancellationToken.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException ex) when (pollTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    if (!canRetry)
                    {
                        throw new ModalTimeoutException(
                            $"{state.Endpoint.Path}: the result URL did not answer within ResultPollTimeout ({settings.ResultPollTimeout.TotalSeconds:0} s), "
                            + $"{attempt + 1} times in a row. The GPU job may still run on Modal and be billed.",
                            state.Endpoint.Path,
                            settings.ResultPollTimeout,
                            gpuWorkMayHaveRun: true,
                            ex)
                        {
                            App = state.Endpoint.App?.Name,
                            CallId = CallIdFrom(resultUrl),
                        };
                    }
                }

                state.RecordRetry();
                var delay = retryAfter ?? Backoff(settings.Retry.BaseDelay, attempt);
                LogPollRetry(logger, state.Endpoint.Path, attempt + 1, delay.TotalSeconds);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            state.Polling = false;
        }
    }

    /// <summary>
    /// Downloads the body. If the download breaks after Modal started sending it, the result URL (when there is one) is
    /// tried once more; an answer of 408 or 404 then means the paid result is gone (Appendix P4, P5).
    /// </summary>
    private async Task<(byte[] Head, long Length)> ReadBodyAsync(
        HttpResponseMessage response,
        Uri? resultUrl,
        ModalCallState state,
        ModalClientOptions settings,
        string? callId,
        Func<HttpContent, CancellationToken, Task<(byte[] Head, long Length)>> read,
        CancellationToken cancellationToken)
    {
        var endpoint = state.Endpoint;
        try
        {
            return await read(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unwrap(ex) is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            if (resultUrl is null)
            {
                throw new ModalResultLostException(
                    $"{endpoint.Path}: the GPU job ran and was probably billed, but the download of its result broke after it started "
                    + $"({Unwrap(ex).Message}), and a direct answer cannot be fetched again.{CallIdText(callId)}",
                    endpoint.Path,
                    ex)
                { App = endpoint.App?.Name, CallId = callId, StatusCode = (int)response.StatusCode };
            }

            state.RecordRetry();
            using var again = await PollAsync(resultUrl, state, settings, cancellationToken).ConfigureAwait(false);
            if (again.IsSuccessStatusCode)
            {
                return await read(again.Content, cancellationToken).ConfigureAwait(false);
            }

            if (again.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.NotFound)
            {
                throw new ModalResultLostException(
                    $"{endpoint.Path}: the GPU job ran and was probably billed, but its result could not be retrieved: the download broke, "
                    + $"and the result URL then answered {(int)again.StatusCode} (results can be read only once).{CallIdText(callId)}",
                    endpoint.Path,
                    ex)
                { App = endpoint.App?.Name, CallId = callId, StatusCode = (int)again.StatusCode };
            }

            throw await ModalErrorClassifier.ClassifyAsync(again, endpoint, callId, workStarted: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A platform hiccup worth polling again: 429, or a plain-text 5xx that is not a terminal verdict on the job
    /// (<c>terminated by signal</c>, <c>execution timed out</c>). An app's JSON error is final.
    /// </summary>
    private static async Task<bool> IsTransientPollFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode < HttpStatusCode.InternalServerError
            || response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        // Buffer the short text so the classifier can still read it when the failure is final.
        string text;
        try
        {
            await response.Content.LoadIntoBufferAsync(ModalErrorClassifier.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return true;   // A broken or oversized 5xx body is no verdict: poll again.
        }

        return ModalErrorClassifier.PlatformError((int)response.StatusCode, text) is not (ModalPlatformError.TerminatedBySignal or ModalPlatformError.ExecutionTimedOut);
    }

    private static TimeSpan Backoff(TimeSpan baseDelay, int attempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10));
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, 30_000));
    }

    private static string CallIdText(string? callId) => callId is null ? string.Empty : $" Modal call id: {callId}.";

    /// <summary>Refit wraps transport failures in its own exception; the SDK never lets Refit types escape.</summary>
    private static Exception Unwrap(Exception exception)
        => exception is Refit.ApiRequestException { InnerException: { } inner } ? inner : exception;

    private static MediaFormat CheckMedia(byte[] content, long length, ModalEndpoint endpoint, HttpResponseMessage response, string? callId)
    {
        var format = MediaSniffer.Sniff(content);
        var expected = endpoint.OutputKind switch
        {
            ModalOutputKind.Image => MediaSniffer.IsImage(format),
            ModalOutputKind.AnimatedWebP => format is MediaFormat.AnimatedWebP or MediaFormat.WebP,
            ModalOutputKind.Mp4 => format == MediaFormat.Mp4,
            _ => format != MediaFormat.Unknown,
        };
        if (expected)
        {
            return format;
        }

        var label = response.Content.Headers.ContentType?.ToString();
        var what = length == 0 ? "an empty body" : format == MediaFormat.Unknown ? "bytes that are not a media file" : $"a {MediaSniffer.MediaType(format)} file";
        throw new ModalInvalidResponseException(
            $"{endpoint.Path} answered 200 with {what} (Content-Type '{label ?? "none"}', {length} bytes) instead of {endpoint.OutputKind} media. The GPU job ran and may be billed.",
            endpoint.Path)
        {
            ServerContentType = label,
            ReceivedBytes = length,
            StatusCode = (int)response.StatusCode,
            App = endpoint.App?.Name,
            CallId = callId,
        };
    }

    private static Uri ResultUrl(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new HttpRequestException("Modal answered 303 See Other without a Location header.");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    private static string? CallId(HttpResponseMessage response)
        => response.Headers.TryGetValues(CallIdHeader, out var values) ? values.FirstOrDefault() : null;

    internal static string? CallIdFrom(Uri resultUrl)
    {
        foreach (var pair in resultUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == CallIdQueryParameter)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    private static ModalCost Cost(HttpResponseMessage response, TimeSpan duration)
    {
        if (response.Headers.TryGetValues(CostHeader, out var values)
            && decimal.TryParse(values.FirstOrDefault(), NumberStyles.Number, CultureInfo.InvariantCulture, out var reported))
        {
            return new ModalCost(reported, ModalCostSource.Reported);
        }

        return EstimatedCost(duration);
    }

    private static ModalCost EstimatedCost(TimeSpan duration)
        => new(Math.Round((decimal)duration.TotalSeconds * ModalCatalog.GpuPriceUsdPerSecond, 6), ModalCostSource.Estimated);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Modal call {Endpoint} completed: seed {Seed}, {DurationSeconds:0.0} s, ${CostUsd} (estimated: {CostIsEstimate}), {Polls} result-URL polls, {Retries} retries, call id {CallId}")]
    private static partial void LogCompleted(ILogger logger, string endpoint, long? seed, double durationSeconds, decimal costUsd, bool costIsEstimate, int polls, int retries, string? callId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Modal call {Endpoint} failed ({Outcome}) after {DurationSeconds:0.0} s; GPU work may have run: {GpuWorkMayHaveRun}; call id {CallId}")]
    private static partial void LogFailed(ILogger logger, string endpoint, string outcome, double durationSeconds, bool gpuWorkMayHaveRun, string? callId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Modal call {Endpoint} refused before sending: estimated ${EstimateUsd} would cross the budget of ${LimitUsd} (${RemainingUsd} remains)")]
    private static partial void LogBudgetRefused(ILogger logger, string endpoint, decimal estimateUsd, decimal limitUsd, decimal remainingUsd);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Modal call {Endpoint} redirected to its result URL (poll {Poll}, call id {CallId})")]
    private static partial void LogPoll(ILogger logger, string endpoint, int poll, string? callId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying a result-URL poll of {Endpoint} (retry {Retry}) in {DelaySeconds:0.0} s; polling starts no new GPU work")]
    private static partial void LogPollRetry(ILogger logger, string endpoint, int retry, double delaySeconds);
}
