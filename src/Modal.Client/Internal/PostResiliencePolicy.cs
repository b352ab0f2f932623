using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Modal.Client.Internal;

/// <summary>
/// Retry and circuit breaker for the POST that starts a paid GPU job (not Microsoft.Extensions.Http.Resilience's
/// defaults, which retry a POST after a 500 or a timeout and so would run a paid job twice). One pipeline per app
/// (<see cref="PipelineKey"/>), so one failing app does not open the breaker of another. Result-URL polls never come here:
/// they have their own client and <see cref="PollResiliencePolicy"/>, so a poll can neither trip nor be refused by the breaker.
/// </summary>
internal static partial class PostResiliencePolicy
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModalClientOptions options, ILogger logger)
    {
        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = ModalRetryOptions.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(args.Outcome.Result, args.Outcome.Exception, ModalResilienceHandler.CallOf(args.Context), retry.RetryMayChargeAgain)),
                OnRetry = args =>
                {
                    var call = ModalResilienceHandler.CallOf(args.Context);
                    call?.RecordRetry();
                    var endpoint = call?.Endpoint.Path ?? "?";
                    var reason = ModalOutcomes.Describe(args.Outcome.Result, args.Outcome.Exception);
                    if (ModalOutcomes.CannotHaveStarted(args.Outcome.Result, args.Outcome.Exception))
                    {
                        LogRetry(logger, endpoint, args.AttemptNumber + 1, reason, args.RetryDelay.TotalSeconds);
                    }
                    else
                    {
                        LogChargedRetry(logger, endpoint, args.AttemptNumber + 1, reason, args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(ModalOutcomes.IsPlatformFailure(args.Outcome.Result, args.Outcome.Exception)),
                OnOpened = args =>
                {
                    LogBreakerOpened(logger, ModalResilienceHandler.CallOf(args.Context)?.App.Name ?? "?", args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = args =>
                {
                    LogBreakerClosed(logger, ModalResilienceHandler.CallOf(args.Context)?.App.Name ?? "?");
                    return ValueTask.CompletedTask;
                },
            });
        }
    }

    /// <summary>Which pipeline (and so which circuit breaker) a POST uses: its app's, read from the call on the request.</summary>
    public static string PipelineKey(HttpRequestMessage request)
        => ModalCall.Of(request)?.App.Name ?? request.RequestUri?.Authority ?? "unknown";

    /// <summary>A POST is retried only when the GPU job cannot have started, unless the caller accepted a second charge.</summary>
    internal static bool ShouldRetry(HttpResponseMessage? response, Exception? exception, ModalCall? call, bool retryMayChargeAgainByDefault)
    {
        if (exception is OperationCanceledException)
        {
            return false;
        }

        if (ModalOutcomes.CannotHaveStarted(response, exception))
        {
            return true;
        }

        var mayChargeAgain = call?.RetryMayChargeAgain ?? retryMayChargeAgainByDefault;
        return mayChargeAgain && (exception is HttpRequestException || response is { StatusCode: >= HttpStatusCode.InternalServerError });
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "The circuit breaker of Modal app {App} opened for {BreakSeconds:0.0} s after repeated platform failures; its calls fail fast with ModalCircuitOpenException until then")]
    private static partial void LogBreakerOpened(ILogger logger, string app, double breakSeconds);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "The circuit breaker of Modal app {App} closed: calls reach the app again")]
    private static partial void LogBreakerClosed(ILogger logger, string app);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Retrying Modal call {Endpoint} (attempt {Attempt}) after {Reason}, in {DelaySeconds:0.0} s; the failed attempt started no GPU work")]
    private static partial void LogRetry(ILogger logger, string endpoint, int attempt, string reason, double delaySeconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Retrying Modal call {Endpoint} (attempt {Attempt}) after {Reason}, in {DelaySeconds:0.0} s, as opted in: the failed attempt may have run GPU work, so it may be billed and this retry may be charged again")]
    private static partial void LogChargedRetry(ILogger logger, string endpoint, int attempt, string reason, double delaySeconds);
}
