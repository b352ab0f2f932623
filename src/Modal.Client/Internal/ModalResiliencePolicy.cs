using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Modal.Client.Internal;

/// <summary>
/// The retry and circuit-breaker rules for paid GPU calls (not Microsoft.Extensions.Http.Resilience's defaults, which
/// retry a POST after a 500 or a timeout and so would run a paid job twice).
/// </summary>
internal static partial class ModalResiliencePolicy
{
    /// <summary>The request option that names the endpoint of a request whose path is not the endpoint's (result-URL polls).</summary>
    public static readonly HttpRequestOptionsKey<string> EndpointOption = new("Modal.Client.Endpoint");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ModalClientOptions options, ILogger logger)
    {
        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, ModalCallState.Current, retry.RetryMayChargeAgain)),
                OnRetry = args =>
                {
                    var state = ModalCallState.Current;
                    state?.RecordRetry();
                    if (CannotHaveStarted(args.Outcome))
                    {
                        LogRetry(logger, state?.Endpoint.Path ?? "?", args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    }
                    else
                    {
                        LogChargedRetry(logger, state?.Endpoint.Path ?? "?", args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalSeconds);
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
                ShouldHandle = args => ValueTask.FromResult(IsPlatformFailure(args.Outcome)),
            });
        }
    }

    /// <summary>Which app a request belongs to: one circuit breaker per app, whatever host serves it.</summary>
    public static string AppKey(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(EndpointOption, out var path) || request.RequestUri is { } uri && (path = uri.AbsolutePath) is not null)
        {
            if (ModalCatalog.TryFind(path, out var endpoint) && endpoint.App is { } app)
            {
                return app.Name;
            }
        }

        return request.RequestUri?.Authority ?? "unknown";
    }

    /// <summary>
    /// A POST is retried only when the GPU job cannot have started, unless the caller accepted a second charge.
    /// Result-URL polls are retried by the runner, never here.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ModalCallState? state, bool retryMayChargeAgainByDefault)
    {
        if (state is { Polling: true } || outcome.Exception is OperationCanceledException)
        {
            return false;
        }

        if (CannotHaveStarted(outcome))
        {
            return true;
        }

        var mayChargeAgain = state?.RetryMayChargeAgain ?? retryMayChargeAgainByDefault;
        return mayChargeAgain && (outcome.Exception is HttpRequestException || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError });
    }

    internal static bool CannotHaveStarted(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Result: { StatusCode: HttpStatusCode.ServiceUnavailable } response } => !IsJson(response),
        _ => false,
    };

    /// <summary>Failures of the platform or the network; an app's own JSON error means the app is up.</summary>
    internal static bool IsPlatformFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Result: { StatusCode: >= HttpStatusCode.InternalServerError } response } => !IsJson(response),
        _ => false,
    };

    private static bool IsJson(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    private static string Describe(Outcome<HttpResponseMessage> outcome)
        => outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Retrying Modal call {Endpoint} (attempt {Attempt}) after {Reason}, in {DelaySeconds:0.0} s; the failed attempt started no GPU work")]
    private static partial void LogRetry(ILogger logger, string endpoint, int attempt, string reason, double delaySeconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Retrying Modal call {Endpoint} (attempt {Attempt}) after {Reason}, in {DelaySeconds:0.0} s, as opted in: the failed attempt may have run GPU work, so it may be billed and this retry may be charged again")]
    private static partial void LogChargedRetry(ILogger logger, string endpoint, int attempt, string reason, double delaySeconds);
}
