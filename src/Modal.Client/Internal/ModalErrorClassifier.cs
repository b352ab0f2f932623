using System.Net;
using System.Text;
using System.Text.Json;

namespace Modal.Client.Internal;

/// <summary>
/// Maps every error shape of the contract to the typed exceptions: E1 <c>{"detail"}</c>, E2/E3
/// <c>{"error","details","type"[,"path"]}</c>, E4 404 Not Found, E5 plain-text platform errors; a 429 is always the
/// platform's rate limit, whatever its body. Every exception carries the status code, the app and the call id, and its
/// message the server's key line (<see cref="ServerErrorText"/>).
/// </summary>
internal static class ModalErrorClassifier
{
    /// <summary>Error bodies are small; read at most this much of one.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    private const int MaxMessageLength = 500;

    private const int TooManyRequests = 429;

    /// <param name="response">The failed response.</param>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="callId">Modal's call id, when known.</param>
    /// <param name="workStarted">True when the answer came from a result URL: Modal accepted the POST, so GPU work started.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    public static async Task<ModalException> ClassifyAsync(
        HttpResponseMessage response, ModalEndpoint endpoint, string? callId, bool workStarted, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return Classify(new ErrorContext((int)response.StatusCode, endpoint, callId, RetryAfter(response), workStarted), body);
    }

    internal static ModalException Classify(ErrorContext context, string body)
    {
        var trimmed = body.TrimStart();
        if (context.Status == TooManyRequests)
        {
            return RateLimited(context, trimmed);
        }

        if (trimmed.StartsWith('{') && TryParseJson(trimmed) is { } json)
        {
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail))
                {
                    return FromDetail(context, detail);
                }

                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
                {
                    return FromErrorBody(context, root, error);
                }
            }
        }

        return FromPlatformText(context, trimmed);
    }

    private static ModalException FromDetail(ErrorContext context, JsonElement detail)
    {
        var (status, endpoint) = (context.Status, context.Endpoint);
        var text = detail.ValueKind == JsonValueKind.String ? detail.GetString() ?? string.Empty : detail.GetRawText();
        if (status == (int)HttpStatusCode.NotFound && text == "Not Found")
        {
            var alternative = AlternativeFor(endpoint);
            return new ModalEndpointNotDeployedException(
                $"{endpoint.Path} is not deployed on the app {endpoint.App} (404 Not Found)."
                + (alternative is null ? " Check the deployment with a health check." : $" Try {alternative} instead."),
                endpoint,
                alternative)
            {
                StatusCode = context.Status,
                App = context.Endpoint.App?.Name,
                CallId = context.CallId,
            };
        }

        const string loraNotFound = "LoRA not found: ";
        if (status == (int)HttpStatusCode.NotFound && text.StartsWith(loraNotFound, StringComparison.Ordinal))
        {
            var file = text[loraNotFound.Length..].Split(' ', 2)[0].TrimEnd('.');
            return new ModalLoraNotFoundException(
                $"{endpoint.Path}: LoRA file '{file}' was not found on the app. Train or upload it first; a LoRA trained after the container started may need the container to recycle (about 5 idle minutes).",
                endpoint,
                file)
            {
                StatusCode = context.Status,
                App = context.Endpoint.App?.Name,
                CallId = context.CallId,
            };
        }

        // E1: an HTTPException raised by the handler before (400/404) or after (501/502/503) GPU work.
        var mayHaveRun = status >= 500 || context.WorkStarted;
        var summary = detail.ValueKind == JsonValueKind.Object && ObjectMessage(detail) is { } inner ? inner : text;
        return new ModalApiException($"{endpoint.Path} failed with HTTP {status}: {Said(summary, status)}", endpoint, mayHaveRun)
        {
            ServerMessage = text,
            ServerErrorType = "HTTPException",
            StatusCode = context.Status,
            App = context.Endpoint.App?.Name,
            CallId = context.CallId,
        };
    }

    private static ModalApiException FromErrorBody(ErrorContext context, JsonElement root, JsonElement error)
    {
        var (status, endpoint) = (context.Status, context.Endpoint);
        var message = error.ValueKind == JsonValueKind.String ? error.GetString() ?? string.Empty : error.GetRawText();
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var traceback = root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

        // A validation failure raised before the workflow (missing field, HTTPException) cannot have run GPU work;
        // anything else may have (E3 routes report workflow failures as 400/404/503 by a substring heuristic).
        var beforeWork = type is "HTTPException" or "KeyError"
            || message.Contains(" is required", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Missing '", StringComparison.Ordinal)
            || message.StartsWith("Maximum ", StringComparison.Ordinal);
        var typeText = type is null ? string.Empty : $" ({type})";
        return new ModalApiException(
            $"{endpoint.Path} failed with HTTP {status}{typeText}: {Said(message, status)}", endpoint, !beforeWork || context.WorkStarted)
        {
            ServerMessage = message,
            ServerErrorType = type,
            ServerTraceback = traceback,
            StatusCode = context.Status,
            App = context.Endpoint.App?.Name,
            CallId = context.CallId,
        };
    }

    private static ModalException FromPlatformText(ErrorContext context, string text)
    {
        var (status, endpoint) = (context.Status, context.Endpoint);
        var kind = PlatformError(status, text);
        var isApp = kind == ModalPlatformError.Other && !text.StartsWith("modal-http:", StringComparison.Ordinal);
        if (isApp && status is >= 400 and < 500 && status is not (408 or 429))
        {
            // Not JSON and not the platform: an unexpected body from the app or a proxy in front of it (an HTML 403 page).
            return new ModalApiException($"{endpoint.Path} failed with HTTP {status}: {Said(text, status)}", endpoint, gpuWorkMayHaveRun: context.WorkStarted)
            {
                ServerMessage = Shorten(text),
                StatusCode = context.Status,
                App = context.Endpoint.App?.Name,
                CallId = context.CallId,
            };
        }

        var mayHaveRun = context.WorkStarted || kind is ModalPlatformError.ExecutionTimedOut or ModalPlatformError.TerminatedBySignal
            or ModalPlatformError.ResultExpired or ModalPlatformError.ServerError or ModalPlatformError.Other;
        var shown = Said(text, status);
        return new ModalPlatformException($"{endpoint.Path}: Modal answered {status}: {shown}. {Advice(kind, endpoint)}", endpoint, mayHaveRun, kind)
        {
            PlatformMessage = shown,
            RetryAfter = context.RetryAfter,
            StatusCode = context.Status,
            App = context.Endpoint.App?.Name,
            CallId = context.CallId,
        };
    }

    /// <summary>
    /// 429 from Modal's proxy (200 web requests per second per workspace, contract P7), as plain text or as JSON such as
    /// <c>{"detail":"Too Many Requests"}</c>: never GPU work, always <see cref="ModalPlatformError.RateLimited"/>.
    /// </summary>
    private static ModalPlatformException RateLimited(ErrorContext context, string body)
    {
        var said = body;
        if (body.StartsWith('{') && TryParseJson(body) is { } json)
        {
            using (json)
            {
                said = ObjectMessage(json.RootElement) ?? body;
            }
        }

        var shown = Said(said, context.Status);
        return new ModalPlatformException(
            $"{context.Endpoint.Path}: Modal answered {context.Status}: {shown}. {Advice(ModalPlatformError.RateLimited, context.Endpoint)}"
            + (context.RetryAfter is { } wait ? $" It asked to wait {wait.TotalSeconds:0.#} s." : string.Empty),
            context.Endpoint,
            context.WorkStarted,
            ModalPlatformError.RateLimited)
        {
            PlatformMessage = shown,
            RetryAfter = context.RetryAfter,
            StatusCode = context.Status,
            App = context.Endpoint.App?.Name,
            CallId = context.CallId,
        };
    }

    /// <summary>The text a JSON error object carries in <c>detail</c>, <c>error</c> or <c>message</c>, when it is a string.</summary>
    private static string? ObjectMessage(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["detail", "error", "message"])
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>What the server said, as one bounded line for a message (<see cref="ServerErrorText.Summarize"/>).</summary>
    private static string Said(string text, int status) => ServerErrorText.Summarize(text) is { Length: > 0 } summary
        ? summary
        : string.IsNullOrWhiteSpace(text) ? $"HTTP {status} with an empty body" : $"HTTP {status} (its error text cannot be quoted)";

    internal static ModalPlatformError PlatformError(int status, string text) => status switch
    {
        429 => ModalPlatformError.RateLimited,
        408 => ModalPlatformError.ResultExpired,
        401 when text.Contains("missing credentials", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.ProxyAuthMissing,
        401 when text.Contains("invalid credentials", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.ProxyAuthInvalid,
        400 when text.Contains("bad redirect method", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.BadRedirectMethod,
        404 when text.Contains("invalid function call", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.InvalidFunctionCall,
        404 when text.Contains("is stopped", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.AppStopped,
        404 when text.Contains("is disabled", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.WorkspaceDisabled,
        >= 500 when text.Contains("timed out", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.ExecutionTimedOut,
        >= 500 when text.Contains("terminated by signal", StringComparison.OrdinalIgnoreCase) => ModalPlatformError.TerminatedBySignal,
        503 => ModalPlatformError.Unavailable,
        >= 500 => ModalPlatformError.ServerError,
        _ => ModalPlatformError.Other,
    };

    private static string Advice(ModalPlatformError kind, ModalEndpoint endpoint) => kind switch
    {
        ModalPlatformError.RateLimited => "The workspace allows 200 web requests per second; wait and try again.",
        ModalPlatformError.ResultExpired => "The result URL expired or the call was cancelled; the GPU job may have run and been billed.",
        ModalPlatformError.ProxyAuthMissing => "The app requires proxy auth: configure the Modal-Key and Modal-Secret token.",
        ModalPlatformError.ProxyAuthInvalid => "The proxy-auth token was rejected: check the Modal-Key and Modal-Secret values.",
        ModalPlatformError.BadRedirectMethod => "A result URL must be fetched with GET.",
        ModalPlatformError.InvalidFunctionCall => $"The app {endpoint.App} is not deployed or was stopped: deploy it, or check the workspace and app URL.",
        ModalPlatformError.AppStopped => $"The app {endpoint.App} is stopped: deploy it again.",
        ModalPlatformError.WorkspaceDisabled => "The Modal workspace is disabled: check its billing and status on modal.com.",
        ModalPlatformError.ExecutionTimedOut => "The function ran past its container timeout; the GPU time was billed.",
        ModalPlatformError.TerminatedBySignal => "The container crashed (often out of memory); the GPU time was billed.",
        ModalPlatformError.Unavailable => "The platform could not take the call (no GPU work started); try again later.",
        ModalPlatformError.ServerError => "A platform error; the GPU job may have run.",
        _ => "The GPU job may have run.",
    };

    private static ModalEndpoint? AlternativeFor(ModalEndpoint endpoint) => endpoint.Alternative;

    /// <summary>Retry-After as a delay; an HTTP date is measured against the response's own Date header (no local clock).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } sent => date > sent ? date - sent : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Reads at most <see cref="MaxErrorBodyBytes"/>; a body that breaks off yields what arrived (an error is still an error).</summary>
    internal static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorBodyBytes];
        var total = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Truncated error body: classify what arrived.
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static JsonDocument? TryParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}

/// <summary>What the classifier knows about a failed response besides its body.</summary>
internal readonly record struct ErrorContext(int Status, ModalEndpoint Endpoint, string? CallId, TimeSpan? RetryAfter = null, bool WorkStarted = false);
