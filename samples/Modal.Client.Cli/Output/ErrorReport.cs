using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>How a failed call is reported on standard error: the SDK's classified message, then what a user acts on.</summary>
internal static class ErrorReport
{
    public static void Write(TextWriter error, ModalException exception)
    {
        error.WriteLine($"error: {exception.Message}");
        error.WriteLine($"  kind:      {Kind(exception)}");
        if (exception is ModalApiException { ServerMessage: { } serverMessage } && FirstLine(serverMessage) is { Length: > 0 } line)
        {
            error.WriteLine($"  server:    {line}");
        }

        if (exception.Endpoint is not null)
        {
            var app = exception.App is not null ? $" on {exception.App}" : string.Empty;
            var status = exception.StatusCode is { } code ? string.Create(CultureInfo.InvariantCulture, $", HTTP {code}") : string.Empty;
            error.WriteLine($"  endpoint:  {exception.Endpoint}{app}{status}");
        }

        error.WriteLine($"  call id:   {exception.CallId ?? "none (Modal sent no call id)"}");
        switch (exception)
        {
            case ModalEndpointNotDeployedException { Alternative: { } alternative }:
                error.WriteLine($"  instead:   {alternative} does the same work");
                break;
            case ModalEndpointUnavailableException { Alternative: { } alternative }:
                error.WriteLine($"  instead:   {alternative}");
                break;
            case ModalPlatformException { RetryAfter: { } retryAfter }:
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  retry in:  {retryAfter.TotalSeconds:0} s"));
                break;
        }

        error.WriteLine(exception.GpuWorkMayHaveRun
            ? "  GPU work may have run: yes (it may be billed, and running the command again may be charged again)"
            : "  GPU work may have run: no (the GPU job cannot have started; running the command again is safe)");
    }

    /// <summary>The first non-empty line of a server message (the key line; tracebacks stay off the report).</summary>
    public static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;

    private static string Kind(ModalException exception) => exception switch
    {
        ModalApiException { ServerErrorType: { } type } => $"{nameof(ModalApiException)} (the app answered an error of type {type})",
        ModalApiException => $"{nameof(ModalApiException)} (the app answered an error)",
        ModalPlatformException platform => $"{nameof(ModalPlatformException)} ({platform.Error})",
        _ => exception.GetType().Name,
    };
}
