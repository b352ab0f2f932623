using System.Buffers;
using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>What Modal and the apps say in headers and result URLs: the function call id and the reported cost.</summary>
internal static class ModalHeaders
{
    /// <summary>The query parameter of a result URL that names the function call (Appendix P1).</summary>
    public const string CallIdQueryParameter = "__modal_function_call_id";

    /// <summary>The header that carries Modal's function call id (Appendix P11).</summary>
    public const string CallIdHeader = "Modal-Function-Call-Id";

    /// <summary>The header that carries the server-reported cost (sent lower-case by /flux-pulid only).</summary>
    public const string CostHeader = "x-cost-usd";

    /// <summary>The characters of an HTTP token (RFC 9110), the parts of a plain <c>type/subtype</c> media type.</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static string? CallId(HttpResponseMessage response) => First(response, CallIdHeader);

    /// <summary>
    /// The Content-Type of a response as text, exactly as <c>Content.Headers.ContentType?.ToString()</c> gives it. The
    /// usual label, a plain <c>type/subtype</c>, reads the same parsed or not, so it is returned as received without
    /// parsing it into a <see cref="System.Net.Http.Headers.MediaTypeHeaderValue"/>; anything else is parsed.
    /// </summary>
    public static string? ContentType(HttpResponseMessage response)
    {
        var headers = response.Content.Headers;
        if (headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1)
        {
            foreach (var value in values)
            {
                if (IsPlainMediaType(value))
                {
                    return value;
                }
            }
        }

        return headers.ContentType?.ToString();
    }

    public static string? CallIdFrom(Uri resultUrl)
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

    /// <summary>The cost the server reported, when it sent <see cref="CostHeader"/>.</summary>
    public static decimal? ReportedCost(HttpResponseMessage response)
        => First(response, CostHeader) is { } value
            && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var reported)
                ? reported
                : null;

    /// <summary>The first value of a header, read without validation or a copy (these are plain tokens, not parsed headers).</summary>
    private static string? First(HttpResponseMessage response, string name)
    {
        if (!response.Headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
    }

    private static bool IsPlainMediaType(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsToken(value.AsSpan(0, slash)) && IsToken(value.AsSpan(slash + 1));
    }

    private static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);
}
