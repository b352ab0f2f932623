using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Modal.Client.Internal;

/// <summary>
/// Turns a server's error text into the one line an exception message carries: the text's first line plus its key
/// line when that is elsewhere (for a ComfyUI validation failure: the node, the input and the limit, for example
/// <c>VHS_LoadVideo: Value 90.0 bigger than max of 60.0: force_rate</c>), without tracebacks, embedded media or
/// anything that looks like a credential, and at most <see cref="MaxLength"/> characters.
/// </summary>
internal static partial class ServerErrorText
{
    /// <summary>The longest summary a message carries.</summary>
    public const int MaxLength = 300;

    private const string Ellipsis = "…";

    /// <summary>The summary of <paramref name="text"/>; empty for an empty text. Never throws.</summary>
    public static string Summarize(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        try
        {
            return SummarizeCore(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return string.Empty; // a pathological text: nothing safe to quote
        }
    }

    private static string SummarizeCore(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (LooksLikeHtml(normalized))
        {
            return Bound(Clean(HtmlText(normalized)));
        }

        var first = Lead(FirstLine(normalized));
        var key = ComfyValidation(normalized) ?? NodeFailure(normalized) ?? ExceptionLine(normalized, first) ?? ApiError(normalized, first);
        var summary = key is null || first.Contains(key, StringComparison.Ordinal)
            ? first
            : first.Length == 0 ? key : $"{first.TrimEnd('.', ':', ' ')} — {key}";
        return Bound(Clean(summary));
    }

    /// <summary>Removes credentials and embedded media from a server text and collapses its whitespace (no length limit).</summary>
    private static string Clean(string text)
    {
        var cleaned = DataUrl().Replace(text, "data:…");
        cleaned = LongBase64().Replace(cleaned, Ellipsis);
        cleaned = UrlCredentials().Replace(cleaned, "${scheme}***@");
        cleaned = SecretAssignment().Replace(cleaned, "${name}${separator}***");
        cleaned = AuthorizationScheme().Replace(cleaned, "${scheme} ***");
        cleaned = TokenShapes().Replace(cleaned, "***");
        return Whitespace().Replace(cleaned, " ").Trim();
    }

    /// <summary>At most <see cref="MaxLength"/> characters, cut on a character boundary with an ellipsis.</summary>
    public static string Bound(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = MaxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }

    /// <summary>
    /// ComfyUI's validation error, from the node errors a handler quotes (<c>"message": …, "details": …</c> and the
    /// node's <c>"class_type"</c>) or from ComfyUI's log format (<c>Value 90.0 bigger than max of 60.0: force_rate</c>).
    /// </summary>
    private static string? ComfyValidation(string text)
    {
        foreach (Match match in QuotedNodeError().Matches(text))
        {
            var message = JsonString(match.Groups["message"].Value);
            var details = JsonString(match.Groups["details"].Value);
            if (message is null || details is null || (details.Length == 0 && message == "Prompt outputs failed validation"))
            {
                continue;
            }

            var node = ClassType().Match(text, match.Index + match.Length) is { Success: true } type ? JsonString(type.Groups["node"].Value) : null;
            var line = details.Length == 0 ? message : $"{message}: {details}";
            return node is null ? line : $"{node}: {line}";
        }

        if (QuotedValueMessage().Match(text) is { Success: true } quoted && JsonString(quoted.Groups["message"].Value) is { } only)
        {
            // The node errors were cut off after the message (handlers quote 500 characters).
            return ClassType().Match(text, quoted.Index + quoted.Length) is { Success: true } type && JsonString(type.Groups["node"].Value) is { } node
                ? $"{node}: {only}"
                : only;
        }

        if (RangeLogLine().Match(text) is { Success: true } range)
        {
            return $"{range.Groups["message"].Value}: {range.Groups["input"].Value}";
        }

        return OtherValidationLine().Match(text) is { Success: true } other ? other.Value.Trim() : null;
    }

    /// <summary>A node that failed while running: <c>Workflow failed at node 3 (KSampler): …</c>.</summary>
    private static string? NodeFailure(string text) =>
        NodeFailureLine().Match(text) is { Success: true } match ? match.Value.Trim() : null;

    /// <summary>The last <c>SomethingError: message</c> line after the first one (a Python exception in a tool's output).</summary>
    private static string? ExceptionLine(string text, string first)
    {
        var matches = PythonExceptionLine().Matches(text);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var line = matches[i].Value.Trim();
            if (!first.Contains(line, StringComparison.Ordinal) && matches[i].Index > 0)
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>The instantid/ipadapter routes' <c>API Error:</c> line, when the first line only says both attempts failed.</summary>
    private static string? ApiError(string text, string first) =>
        ApiErrorLine().Match(text) is { Success: true } match && Lead(match.Groups["error"].Value) is { Length: > 0 } error && !first.Contains(error, StringComparison.Ordinal)
            ? error
            : null;

    /// <summary>The first line that is not blank and not the start of a traceback.</summary>
    private static string FirstLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal) && !line.StartsWith("File \"", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// A line up to the JSON it quotes: <c>Failed to queue workflow: HTTP 400 - {…}</c> keeps its words only, and a
    /// parenthesis left open by the cut goes with it (<c>SeedVR2 execution failed (API: … {…</c>).
    /// </summary>
    private static string Lead(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        if (brace <= 0)
        {
            return line.Trim();
        }

        var lead = line[..brace];
        var open = -1;
        var depth = 0;
        for (var i = 0; i < lead.Length; i++)
        {
            if (lead[i] == '(' && depth++ == 0)
            {
                open = i;
            }
            else if (lead[i] == ')' && depth > 0)
            {
                depth--;
            }
        }

        if (depth > 0 && open > 0)
        {
            lead = lead[..open];
        }

        return lead.TrimEnd(' ', '-', ':', '(').Trim();
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.TrimStart();
        return start.StartsWith('<') && (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<body", StringComparison.OrdinalIgnoreCase) || start.Contains("<title", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An HTML page's title, or its text without tags.</summary>
    private static string HtmlText(string html)
    {
        if (HtmlTitle().Match(html) is { Success: true } title && title.Groups["title"].Value.Trim() is { Length: > 0 } text)
        {
            return System.Net.WebUtility.HtmlDecode(text);
        }

        var withoutScripts = HtmlScript().Replace(html, " ");
        return System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(withoutScripts, " "));
    }

    /// <summary>A JSON string literal's content, unescaped; null when it is not valid JSON.</summary>
    private static string? JsonString(string escaped)
    {
        try
        {
            using var document = JsonDocument.Parse(new StringBuilder(escaped.Length + 2).Append('"').Append(escaped).Append('"').ToString());
            return document.RootElement.GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("\"message\"\\s*:\\s*\"(?<message>(?:[^\"\\\\]|\\\\.){1,400})\"\\s*,\\s*\"details\"\\s*:\\s*\"(?<details>(?:[^\"\\\\]|\\\\.){0,400})\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuotedNodeError();

    [GeneratedRegex("\"message\"\\s*:\\s*\"(?<message>Value (?:[^\"\\\\]|\\\\.){1,200})\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex QuotedValueMessage();

    [GeneratedRegex("\"class_type\"\\s*:\\s*\"(?<node>(?:[^\"\\\\]|\\\\.){1,100})\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ClassType();

    [GeneratedRegex(@"(?<message>Value [^\s:"",]{1,40} (?:bigger than max|smaller than min) of [^\s:"",]{1,40})(?::[ \t]*|[ \t]+)(?<input>[A-Za-z_]\w{0,60})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RangeLogLine();

    [GeneratedRegex(@"(?:Value not in list|Failed to convert an input value to a \w+ value|Required input is missing)\b[^\n]{0,200}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OtherValidationLine();

    [GeneratedRegex(@"Workflow failed at node [^\n]{1,250}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NodeFailureLine();

    [GeneratedRegex(@"(?m)^[ \t]*(?:[A-Za-z_][\w.]{0,80})?(?:Error|Exception): [^\n]{1,250}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PythonExceptionLine();

    [GeneratedRegex(@"(?m)^API Error: (?<error>[^\n]{1,500})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ApiErrorLine();

    [GeneratedRegex(@"(?is)<title[^>]*>(?<title>.{0,300}?)</title>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"(?is)<(script|style)\b.*?</\1>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HtmlScript();

    [GeneratedRegex(@"<[^>]{0,2000}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"data:[\w.+/-]{1,100};base64,[A-Za-z0-9+/=]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DataUrl();

    [GeneratedRegex(@"[A-Za-z0-9+/]{64,}={0,2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LongBase64();

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][\w+.-]*://)[^/\s:@]+:[^/\s@]+@", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(?<name>\b(?:modal-secret|modal-key|authorization|token|secret|password|passwd|api[_-]?key|access[_-]?key|signature)\b)(?<separator>[""']?\s*[:=]\s*[""']?)(?:(?:bearer|basic)\s+)?(?!\*\*\*)[^\s""',;&]{4,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"(?i)\b(?<scheme>bearer|basic)\s+(?!\*\*\*)[^\s""',;&]{4,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AuthorizationScheme();

    [GeneratedRegex(@"\b(?:w[ks]-[A-Za-z0-9_-]{6,}|hf_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex TokenShapes();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Whitespace();
}
