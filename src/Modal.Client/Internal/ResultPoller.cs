using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Modal.Client.Internal;

/// <summary>
/// Follows Modal's 303 result URLs (Appendix P1) with GETs on their own named client, whose Polly pipeline
/// (<see cref="PollResiliencePolicy"/>) retries transient failures. A poll never starts GPU work and is never seen by the
/// circuit breaker that guards POSTs.
/// </summary>
internal sealed partial class ResultPoller(
    IHttpClientFactory httpClientFactory, IOptionsMonitor<ModalClientOptions> options, TimeProvider timeProvider, ILogger<ResultPoller> logger)
{
    /// <summary>The named client of result-URL polls.</summary>
    public const string ClientName = "Modal.Client.Results";

    /// <summary>Follows 303s until an answer that is not a redirect; returns it with the last result URL (if any).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(HttpResponseMessage Response, Uri? ResultUrl)> FollowAsync(ModalCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Uri? resultUrl = null;
        while (response.StatusCode == HttpStatusCode.SeeOther)
        {
            resultUrl = ResultUrl(response);
            call.CallId = ModalHeaders.CallId(response) ?? ModalHeaders.CallIdFrom(resultUrl) ?? call.CallId;
            response.Dispose();
            call.Polls++;
            LogPoll(logger, call.Endpoint.Path, call.Polls, call.CallId);
            call.Progress.Report(ModalCallStage.Redirected);
            using (call.Progress.Heartbeat(timeProvider))
            {
                response = await GetAsync(call, resultUrl, cancellationToken).ConfigureAwait(false);
            }
        }

        call.CallId = ModalHeaders.CallId(response) ?? call.CallId;
        if (call.PollBrokeAfterSend && response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.NotFound)
        {
            // A poll broke after it reached Modal, and the result URL now says it has nothing: the single-use body was consumed.
            var status = (int)response.StatusCode;
            response.Dispose();
            throw ResultReader.Lost(call, $"a poll of its result URL broke after it was sent, and the URL then answered {status}", status, inner: null);
        }

        return (response, resultUrl);
    }

    /// <summary>One GET of a result URL (with the pipeline's retries).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HttpResponseMessage> GetAsync(ModalCall call, Uri resultUrl, CancellationToken cancellationToken)
    {
        using var poll = new HttpRequestMessage(HttpMethod.Get, resultUrl);
        poll.Options.Set(ModalCall.OptionKey, call);
        try
        {
            return await httpClientFactory.CreateClient(ClientName)
                .SendAsync(poll, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            throw new ModalTimeoutException(
                $"{call.Endpoint.Path}: the result URL did not answer within ResultPollTimeout ({Durations.Format(settings.ResultPollTimeout)}), "
                + $"{settings.Retry.MaxPollRetries + 1} times in a row. The GPU job may still run on Modal and be billed.",
                call.Endpoint,
                settings.ResultPollTimeout,
                gpuWorkMayHaveRun: true,
                ex)
            {
                App = call.App.Name,
                CallId = call.CallId ?? ModalHeaders.CallIdFrom(resultUrl),
            };
        }
    }

    private static Uri ResultUrl(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new HttpRequestException("Modal answered 303 See Other without a Location header.");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Modal call {Endpoint} redirected to its result URL (poll {Poll}, call id {CallId})")]
    private static partial void LogPoll(ILogger logger, string endpoint, int poll, string? callId);
}
