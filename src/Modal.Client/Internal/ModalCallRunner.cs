using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Runs one logical call: picks a seed, enforces the time budget, follows Modal's 303 result URLs with GETs (never
/// re-POSTing), reads the body, recognises the media and builds the result, or classifies the failure.
/// </summary>
internal sealed partial class ModalCallRunner(
    IOptionsMonitor<ModalClientOptions> options,
    IHttpClientFactory httpClientFactory,
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
        long? seed = null;
        if (request is ISeededRequest<TRequest> seeded)
        {
            seed = seeded.Seed ?? Random.Shared.NextInt64(0, MaxRandomSeed + 1);
            request = seeded.Seed is null ? seeded.WithSeed(seed.Value) : request;
        }

        var budget = options.CurrentValue.BudgetFor(endpoint);
        using var budgetSource = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetSource.Token);
        var started = timeProvider.GetTimestamp();
        cancellationToken.ThrowIfCancellationRequested();
        var sent = false;
        var answered = false;
        string? callId = null;
        try
        {
            sent = true;
            var response = await send(request, linked.Token).ConfigureAwait(false);
            answered = true;
            var polls = 0;
            while (response.StatusCode == HttpStatusCode.SeeOther)
            {
                var redirect = response;
                var location = ResultUrl(redirect);
                callId = CallId(redirect) ?? CallIdFrom(location) ?? callId;
                redirect.Dispose();
                polls++;
                LogPoll(logger, endpoint.Path, polls, callId);
                response = await httpClientFactory.CreateClient(ResultClientName)
                    .GetAsync(location, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }

            using (response)
            {
                callId = CallId(response) ?? callId;
                if (!response.IsSuccessStatusCode)
                {
                    throw await ModalErrorClassifier.ClassifyAsync(response, endpoint, callId, linked.Token).ConfigureAwait(false);
                }

                var content = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
                var duration = timeProvider.GetElapsedTime(started);
                var details = new GenerationDetails(
                    endpoint.Path,
                    content,
                    CheckMedia(content, endpoint, response, callId),
                    response.Content.Headers.ContentType?.ToString(),
                    seed,
                    duration,
                    Cost(response, duration),
                    callId);
                LogCompleted(logger, endpoint.Path, seed, duration.TotalSeconds, details.Cost.Usd, details.Cost.IsEstimate, polls, callId);
                return createResult(details);
            }
        }
        catch (OperationCanceledException ex) when (budgetSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ModalTimeoutException(
                $"{endpoint.Path} did not finish within its budget of {budget.TotalSeconds:0} s. The GPU job may still run on Modal and be billed. "
                + "Raise ModalClientOptions.EndpointTimeouts or Timeout if the endpoint needs longer.",
                endpoint.Path,
                budget,
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
        catch (Exception wrapper) when (Unwrap(wrapper) is HttpRequestException ex)
        {
            // A connection that could not be made never reached the app; anything later may have started GPU work.
            var mayHaveRun = answered || ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError);
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

    /// <summary>Refit wraps transport failures in its own exception; the SDK never lets Refit types escape.</summary>
    private static Exception Unwrap(Exception exception)
        => exception is Refit.ApiRequestException { InnerException: { } inner } ? inner : exception;

    private static MediaFormat CheckMedia(byte[] content, ModalEndpoint endpoint, HttpResponseMessage response, string? callId)
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
        var what = content.Length == 0 ? "an empty body" : format == MediaFormat.Unknown ? "bytes that are not a media file" : $"a {MediaSniffer.MediaType(format)} file";
        throw new ModalInvalidResponseException(
            $"{endpoint.Path} answered 200 with {what} (Content-Type '{label ?? "none"}', {content.Length} bytes) instead of {endpoint.OutputKind} media. The GPU job ran and may be billed.",
            endpoint.Path)
        {
            ServerContentType = label,
            ReceivedBytes = content.Length,
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

        return new ModalCost(Math.Round((decimal)duration.TotalSeconds * ModalCatalog.GpuPriceUsdPerSecond, 6), ModalCostSource.Estimated);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Modal call {Endpoint} completed: seed {Seed}, {DurationSeconds:0.0} s, ${CostUsd} (estimated: {CostIsEstimate}), {Polls} result-URL polls, call id {CallId}")]
    private static partial void LogCompleted(ILogger logger, string endpoint, long? seed, double durationSeconds, decimal costUsd, bool costIsEstimate, int polls, string? callId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Modal call {Endpoint} redirected to its result URL (poll {Poll}, call id {CallId})")]
    private static partial void LogPoll(ILogger logger, string endpoint, int poll, string? callId);
}
