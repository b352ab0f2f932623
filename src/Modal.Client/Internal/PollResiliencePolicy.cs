using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Modal.Client.Internal;

/// <summary>
/// Retries of result-URL polls. Reloading a result URL never starts new GPU work, so transient failures are retried with
/// the SDK's one backoff formula (exponential with jitter from <see cref="ModalRetryOptions.BaseDelay"/>, at most
/// <see cref="ModalRetryOptions.MaxDelay"/>, a <c>Retry-After</c> header wins): network errors, an attempt that outlives
/// <see cref="ModalClientOptions.ResultPollTimeout"/>, 429, and Modal's plain-text 5xx unless it is a terminal verdict on
/// the job. An app's JSON error is final. No circuit breaker: a poll of a job that runs must never be refused.
/// </summary>
internal static partial class PollResiliencePolicy
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModalClientOptions options, ILogger logger)
    {
        if (options.Retry.MaxPollRetries > 0)
        {
            AddRetry(builder, options, logger);
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.ResultPollTimeout });
    }

    /// <summary>Retries a poll that failed in transit (Polly's retry needs at least one attempt, so 0 adds none).</summary>
    private static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModalClientOptions options, ILogger logger)
    {
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.Retry.MaxPollRetries,
            Delay = options.Retry.BaseDelay,
            MaxDelay = ModalRetryOptions.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
            OnRetry = args =>
            {
                var call = ModalResilienceHandler.CallOf(args.Context);
                if (call is not null)
                {
                    call.RecordRetry();
                    if (args.Outcome.Exception is TimeoutRejectedException
                        || args.Outcome.Exception is HttpRequestException { HttpRequestError: not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError) })
                    {
                        call.PollBrokeAfterSend = true;
                    }
                }

                LogPollRetry(logger, call?.Endpoint.Path ?? "?", args.AttemptNumber + 1, ModalOutcomes.Describe(args.Outcome.Result, args.Outcome.Exception), args.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        });
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case { Exception: TimeoutRejectedException or HttpRequestException }:
                return true;
            case { Exception: not null }:
                return false;
            case { Result.StatusCode: HttpStatusCode.TooManyRequests }:
                return true;
            case { Result: { StatusCode: >= HttpStatusCode.InternalServerError } response } when !ModalOutcomes.IsJson(response):
                return await IsTransientPlatformErrorAsync(response, cancellationToken).ConfigureAwait(false);
            default:
                return false;
        }
    }

    /// <summary>A plain-text 5xx is a hiccup unless it says the job ended (<c>terminated by signal</c>, <c>execution timed out</c>).</summary>
    private static async ValueTask<bool> IsTransientPlatformErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            // Buffer the short text so the classifier can still read it when the failure is final.
            await response.Content.LoadIntoBufferAsync(ModalErrorClassifier.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return true;   // A broken or oversized 5xx body is no verdict: poll again.
        }

        return ModalErrorClassifier.PlatformError((int)response.StatusCode, text) is not (ModalPlatformError.TerminatedBySignal or ModalPlatformError.ExecutionTimedOut);
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying a result-URL poll of {Endpoint} (retry {Retry}) after {Reason}, in {DelaySeconds:0.0} s; polling starts no new GPU work")]
    private static partial void LogPollRetry(ILogger logger, string endpoint, int retry, string reason, double delaySeconds);
}
