using System.Net;

namespace Modal.Client.Internal;

/// <summary>What an answer (or a failure) to one HTTP attempt means for billing and for retrying.</summary>
internal static class ModalOutcomes
{
    /// <summary>
    /// True when the attempt cannot have started GPU work: a refused connection or an unresolvable name, a 429, or
    /// Modal's own plain-text 503 (an app's JSON 503 may come after its handler ran).
    /// </summary>
    public static bool CannotHaveStarted(HttpResponseMessage? response, Exception? exception) => (response, exception) switch
    {
        (_, HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }) => true,
        ({ StatusCode: HttpStatusCode.TooManyRequests }, _) => true,
        ({ StatusCode: HttpStatusCode.ServiceUnavailable } r, _) => !IsJson(r),
        _ => false,
    };

    /// <summary>Failures of the platform or the network; an app's own JSON error means the app is up.</summary>
    public static bool IsPlatformFailure(HttpResponseMessage? response, Exception? exception) => (response, exception) switch
    {
        (_, HttpRequestException) => true,
        ({ StatusCode: HttpStatusCode.TooManyRequests }, _) => true,
        ({ StatusCode: >= HttpStatusCode.InternalServerError } r, _) => !IsJson(r),
        _ => false,
    };

    public static bool IsJson(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    public static string Describe(HttpResponseMessage? response, Exception? exception)
        => exception is { } ex ? ex.GetType().Name : $"HTTP {(int)response!.StatusCode}";
}
