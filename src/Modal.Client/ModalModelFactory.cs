using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// Builds the SDK's results and exceptions with any data, so code that consumes <see cref="IModalClient"/> can be
/// unit-tested with a substitute (NSubstitute, Moq) that returns or throws them. Not for production code: results and
/// exceptions there come from the calls themselves.
/// </summary>
/// <example>
/// <code>
/// var modal = Substitute.For&lt;IModalClient&gt;();
/// modal.Flux.DevAsync(Arg.Any&lt;FluxDevRequest&gt;(), Arg.Any&lt;ModalCallOptions?&gt;(), Arg.Any&lt;CancellationToken&gt;())
///     .Returns(ModalModelFactory.GeneratedImage(FakeMedia.Png(64, 64), ModalEndpoint.FluxDev, seed: 7));
/// </code>
/// </example>
public static class ModalModelFactory
{
    /// <summary>Builds an image result.</summary>
    /// <param name="content">The bytes. Their format is recognised from them unless <paramref name="format"/> is given.</param>
    /// <param name="endpoint">The endpoint that produced it; <see langword="null"/> for <see cref="ModalEndpoint.FluxSchnell"/>.</param>
    /// <param name="seed">The seed that was sent.</param>
    /// <param name="duration">The call's client time.</param>
    /// <param name="cost">The cost; by default an estimate of zero.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="format">The format; <see langword="null"/> to recognise it from <paramref name="content"/>.</param>
    /// <param name="width">The width; <see langword="null"/> to read it from the header of <paramref name="content"/>.</param>
    /// <param name="height">The height; <see langword="null"/> to read it from the header of <paramref name="content"/>.</param>
    /// <param name="resultUrlPolls">How many result-URL polls the call made.</param>
    /// <param name="retries">How many retries the call made.</param>
    /// <param name="queueTime">How long the call waited for a slot.</param>
    /// <param name="serverContentType">The Content-Type the server sent.</param>
    /// <param name="filePath">The file the result was streamed to (then <paramref name="content"/> is its first bytes).</param>
    /// <param name="length">The size in bytes; <see langword="null"/> for the length of <paramref name="content"/>.</param>
    /// <returns>The result.</returns>
    public static GeneratedImage GeneratedImage(
        ReadOnlyMemory<byte> content,
        ModalEndpoint? endpoint = null,
        long? seed = null,
        TimeSpan duration = default,
        ModalCost cost = default,
        string? callId = null,
        MediaFormat? format = null,
        int? width = null,
        int? height = null,
        int resultUrlPolls = 0,
        int retries = 0,
        TimeSpan queueTime = default,
        string? serverContentType = null,
        string? filePath = null,
        long? length = null)
    {
        var details = Details(content, endpoint ?? ModalEndpoint.FluxSchnell, seed, duration, cost, callId, format, resultUrlPolls, retries, queueTime, serverContentType, filePath, length);
        var read = MediaHeaderReader.Read(content, details.Format);
        return new GeneratedImage(details with { Info = new MediaInfo(width ?? read.Width, height ?? read.Height) });
    }

    /// <summary>Builds a video result.</summary>
    /// <param name="content">The bytes (an animated WebP or an MP4). Their format is recognised from them unless <paramref name="format"/> is given.</param>
    /// <param name="endpoint">The endpoint that produced it; <see langword="null"/> for <see cref="ModalEndpoint.Wan26"/>.</param>
    /// <param name="seed">The seed that was sent.</param>
    /// <param name="duration">The call's client time.</param>
    /// <param name="cost">The cost; by default an estimate of zero.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="format">The format; <see langword="null"/> to recognise it from <paramref name="content"/>.</param>
    /// <param name="width">The frame width; <see langword="null"/> to read it from <paramref name="content"/>.</param>
    /// <param name="height">The frame height; <see langword="null"/> to read it from <paramref name="content"/>.</param>
    /// <param name="frameCount">The number of frames; <see langword="null"/> to read it from <paramref name="content"/>.</param>
    /// <param name="playbackDuration">How long it plays; <see langword="null"/> to read it from <paramref name="content"/>.</param>
    /// <param name="resultUrlPolls">How many result-URL polls the call made.</param>
    /// <param name="retries">How many retries the call made.</param>
    /// <param name="queueTime">How long the call waited for a slot.</param>
    /// <param name="serverContentType">The Content-Type the server sent.</param>
    /// <param name="filePath">The file the result was streamed to (then <paramref name="content"/> is its first bytes).</param>
    /// <param name="length">The size in bytes; <see langword="null"/> for the length of <paramref name="content"/>.</param>
    /// <returns>The result.</returns>
    public static GeneratedVideo GeneratedVideo(
        ReadOnlyMemory<byte> content,
        ModalEndpoint? endpoint = null,
        long? seed = null,
        TimeSpan duration = default,
        ModalCost cost = default,
        string? callId = null,
        MediaFormat? format = null,
        int? width = null,
        int? height = null,
        int? frameCount = null,
        TimeSpan? playbackDuration = null,
        int resultUrlPolls = 0,
        int retries = 0,
        TimeSpan queueTime = default,
        string? serverContentType = null,
        string? filePath = null,
        long? length = null)
    {
        var details = Details(content, endpoint ?? ModalEndpoint.Wan26, seed, duration, cost, callId, format, resultUrlPolls, retries, queueTime, serverContentType, filePath, length);
        var read = MediaHeaderReader.Read(content, details.Format);
        return new GeneratedVideo(details with
        {
            Info = new MediaInfo(width ?? read.Width, height ?? read.Height, frameCount ?? read.FrameCount, playbackDuration ?? read.PlaybackDuration),
        });
    }

    /// <summary>Builds the exception of an app's own error (a FastAPI <c>detail</c> or an <c>error</c>/<c>details</c>/<c>type</c> body).</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="serverMessage">The server's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="gpuWorkMayHaveRun">Whether the GPU job may have run.</param>
    /// <param name="serverErrorType">The Python exception type the server named.</param>
    /// <param name="serverTraceback">The server's traceback.</param>
    /// <param name="app">The app name.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalApiException ModalApiException(
        ModalEndpoint endpoint, string serverMessage, int statusCode = 500, bool gpuWorkMayHaveRun = true, string? serverErrorType = null,
        string? serverTraceback = null, string? app = null, string? callId = null, string? message = null)
        => new(message ?? $"{Require(endpoint).Path} failed with HTTP {statusCode}: {serverMessage}", endpoint, gpuWorkMayHaveRun)
        {
            ServerMessage = serverMessage,
            ServerErrorType = serverErrorType,
            ServerTraceback = serverTraceback,
            StatusCode = statusCode,
            App = app ?? endpoint.App?.Name,
            CallId = callId,
        };

    /// <summary>Builds the exception of a platform error (429, Modal's 503, an expired result URL...).</summary>
    /// <param name="endpoint">The endpoint called, if any.</param>
    /// <param name="error">Which platform error.</param>
    /// <param name="platformMessage">The platform's text.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="gpuWorkMayHaveRun">Whether the GPU job may have run.</param>
    /// <param name="retryAfter">How long the platform asked to wait.</param>
    /// <param name="app">The app name.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalPlatformException ModalPlatformException(
        ModalEndpoint? endpoint, ModalPlatformError error, string platformMessage, int? statusCode = null, bool gpuWorkMayHaveRun = false,
        TimeSpan? retryAfter = null, string? app = null, string? callId = null, string? message = null)
        => new(message ?? $"{endpoint?.Path ?? "Modal"}: platform error {error}: {platformMessage}", endpoint, gpuWorkMayHaveRun, error)
        {
            PlatformMessage = platformMessage,
            RetryAfter = retryAfter,
            StatusCode = statusCode,
            App = app ?? endpoint?.App?.Name,
            CallId = callId,
        };

    /// <summary>Builds the exception of a call that ran past its time budget.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="budget">The budget that ran out.</param>
    /// <param name="gpuWorkMayHaveRun">Whether the GPU job may have run.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalTimeoutException ModalTimeoutException(
        ModalEndpoint endpoint, TimeSpan budget, bool gpuWorkMayHaveRun = true, string? callId = null, string? message = null)
        => new(message ?? $"{Require(endpoint).Path} did not finish within its budget of {Durations.Format(budget)}.", endpoint, budget, gpuWorkMayHaveRun, null)
        {
            App = endpoint.App?.Name,
            CallId = callId,
        };

    /// <summary>Builds the exception of a network failure.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="gpuWorkMayHaveRun">Whether the GPU job may have run.</param>
    /// <param name="statusCode">The HTTP status, when one arrived.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <param name="innerException">The cause.</param>
    /// <returns>The exception.</returns>
    public static ModalTransportException ModalTransportException(
        ModalEndpoint endpoint, bool gpuWorkMayHaveRun = false, int? statusCode = null, string? callId = null, string? message = null, Exception? innerException = null)
        => new(message ?? $"{Require(endpoint).Path} failed on the network.", endpoint, gpuWorkMayHaveRun, innerException)
        {
            App = endpoint.App?.Name,
            StatusCode = statusCode,
            CallId = callId,
        };

    /// <summary>Builds the exception of a paid result that could not be retrieved.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="statusCode">The HTTP status of the last answer.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalResultLostException ModalResultLostException(ModalEndpoint endpoint, string? callId = null, int? statusCode = null, string? message = null)
        => new(message ?? $"{Require(endpoint).Path}: the GPU job ran and was probably billed, but its result could not be retrieved.", endpoint, null)
        {
            App = endpoint.App?.Name,
            StatusCode = statusCode,
            CallId = callId,
        };

    /// <summary>Builds the exception of a 200 answer whose body is not the endpoint's media.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="receivedBytes">The bytes received.</param>
    /// <param name="serverContentType">The Content-Type the server sent.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalInvalidResponseException ModalInvalidResponseException(
        ModalEndpoint endpoint, long receivedBytes = 0, string? serverContentType = null, string? callId = null, string? message = null)
        => new(message ?? $"{Require(endpoint).Path} answered 200 with bytes that are not its media.", endpoint)
        {
            ReceivedBytes = receivedBytes,
            ServerContentType = serverContentType,
            StatusCode = 200,
            App = endpoint.App?.Name,
            CallId = callId,
        };

    /// <summary>Builds the exception of a call refused by the budget guard.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="estimateUsd">The call's estimate.</param>
    /// <param name="limitUsd">The limit it would have crossed.</param>
    /// <param name="remainingUsd">What was left of the limit.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalBudgetExceededException ModalBudgetExceededException(
        ModalEndpoint endpoint, decimal estimateUsd, decimal limitUsd, decimal remainingUsd, string? message = null)
        => new(message ?? $"{Require(endpoint).Path} was not sent: its estimated cost would cross the budget.", endpoint, estimateUsd, limitUsd, remainingUsd);

    /// <summary>Builds the exception of a POST refused by an open circuit breaker.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="retryAfter">How long until a trial call is let through.</param>
    /// <param name="gpuWorkMayHaveRun">Whether an earlier attempt of the call may have run.</param>
    /// <returns>The exception.</returns>
    public static ModalCircuitOpenException ModalCircuitOpenException(ModalEndpoint endpoint, TimeSpan? retryAfter = null, bool gpuWorkMayHaveRun = false)
        => new(endpoint, Require(endpoint).App?.Name ?? "unknown", retryAfter, gpuWorkMayHaveRun, null);

    /// <summary>Builds the exception of an endpoint the app does not serve (404 Not Found).</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="alternative">What to call instead; <see langword="null"/> for the catalog's alternative.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalEndpointNotDeployedException ModalEndpointNotDeployedException(ModalEndpoint endpoint, ModalEndpoint? alternative = null, string? message = null)
    {
        alternative ??= Require(endpoint).Alternative;
        return new(message ?? $"{endpoint.Path} is not deployed (404 Not Found).{(alternative is null ? "" : $" Try {alternative.Path} instead.")}", endpoint, alternative)
        {
            StatusCode = 404,
            App = endpoint.App?.Name,
        };
    }

    /// <summary>Builds the exception of a removed or future endpoint.</summary>
    /// <param name="endpoint">A removed or future endpoint of the catalog.</param>
    /// <returns>The exception.</returns>
    public static ModalEndpointUnavailableException ModalEndpointUnavailableException(ModalEndpoint endpoint) => new(Require(endpoint));

    /// <summary>Builds the exception of a LoRA the app does not have.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="loraFile">The file the server looked for.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalLoraNotFoundException ModalLoraNotFoundException(ModalEndpoint endpoint, string loraFile, string? message = null)
        => new(message ?? $"{Require(endpoint).Path}: LoRA file '{loraFile}' was not found on the app.", endpoint, loraFile)
        {
            StatusCode = 404,
            App = endpoint.App?.Name,
        };

    /// <summary>Builds the exception of a result larger than <see cref="ModalClientOptions.MaxResultBytes"/>.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="resultBytes">The declared size, when known.</param>
    /// <param name="maxResultBytes">The limit.</param>
    /// <param name="callId">Modal's function call id.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalResultTooLargeException ModalResultTooLargeException(
        ModalEndpoint endpoint, long? resultBytes, long maxResultBytes, string? callId = null, string? message = null)
        => new(message ?? $"{Require(endpoint).Path}: the GPU job ran, but its result is larger than MaxResultBytes.", endpoint, resultBytes, maxResultBytes)
        {
            App = endpoint.App?.Name,
            CallId = callId,
        };

    /// <summary>Builds the exception of a call refused because a shared limit (on Redis) could not be checked.</summary>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="limit">Which limit: <c>concurrency</c> or <c>budget</c>.</param>
    /// <param name="message">The message; <see langword="null"/> for one built from the other values.</param>
    /// <returns>The exception.</returns>
    public static ModalSharedLimitsUnavailableException ModalSharedLimitsUnavailableException(ModalEndpoint? endpoint, string limit = "concurrency", string? message = null)
        => new(message ?? $"{endpoint?.Path ?? "The call"} was not sent: the shared {limit} limit could not be checked.", endpoint, limit);

    private static ModalEndpoint Require(ModalEndpoint endpoint) => endpoint ?? throw new ArgumentNullException(nameof(endpoint));

    private static GenerationDetails Details(
        ReadOnlyMemory<byte> content, ModalEndpoint endpoint, long? seed, TimeSpan duration, ModalCost cost, string? callId, MediaFormat? format,
        int resultUrlPolls, int retries, TimeSpan queueTime, string? serverContentType, string? filePath, long? length)
        => new(
            endpoint,
            content,
            format ?? MediaSniffer.Sniff(content.Span),
            serverContentType,
            seed,
            duration,
            cost,
            callId,
            resultUrlPolls,
            retries,
            queueTime,
            filePath,
            length ?? -1);
}
