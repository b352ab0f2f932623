using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Modal.Client.Testing.Internal;

/// <summary>
/// What the handlers end with when ComfyUI refuses a graph in validation: ComfyUI's <c>/prompt</c> answers 400 with
/// <c>{"error": …, "node_errors": {id: {"errors": [{type, message, details, extra_info}], "dependent_outputs", "class_type"}}}</c>;
/// <c>execute_workflow_via_api</c> raises <c>Failed to queue workflow: HTTP 400 - {first 500 characters}</c>, and the
/// <c>comfy run</c> fallback fails with <c>Workflow execution failed (exit code 1)\nStdout: {first 500 characters}</c>,
/// its standard output holding the node errors as indented JSON (<c>utils/comfyui.py</c>, comfy-cli's <c>run</c>).
/// </summary>
internal static partial class ComfyValidation
{
    private const int HandlerExcerpt = 500;

    /// <summary>The text <c>execute_workflow_via_api</c> raises.</summary>
    public static string QueueFailure(ComfyNode node, string reason) =>
        "Failed to queue workflow: HTTP 400 - " + Cut(PromptResponse(node, reason));

    /// <summary>The text <c>execute_workflow</c> raises after its <c>comfy run</c> fallback failed too.</summary>
    public static string RunFailure(ComfyNode node, string reason) =>
        "Workflow execution failed (exit code 1)\nStdout: " + Cut("Error running workflow\n" + NodeErrors(node, reason, indent: true));

    /// <summary>ComfyUI's 400 body for <c>/prompt</c>, serialised as Python's <c>json.dumps</c> does.</summary>
    public static string PromptResponse(ComfyNode node, string reason) =>
        """{"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation", "details": "", "extra_info": {}}, "node_errors": """
        + NodeErrors(node, reason, indent: false) + "}";

    /// <summary>The <c>node_errors</c> object for one failing input.</summary>
    public static string NodeErrors(ComfyNode node, string reason, bool indent)
    {
        var (type, message, details, input) = Split(reason);
        var extra = input is null ? "{}" : Object(indent, 5, ("input_name", Str(input)));
        var error = Object(indent, 4, ("type", Str(type)), ("message", Str(message)), ("details", Str(details)), ("extra_info", extra));
        var record = Object(
            indent,
            2,
            ("errors", Array(indent, 3, error)),
            ("dependent_outputs", Array(indent, 3, Str(node.Output))),
            ("class_type", Str(node.ClassType)));
        return Object(indent, 1, (node.Id, record));
    }

    /// <summary>ComfyUI's error type, message and details for a reason in its log format (<c>message: details</c>).</summary>
    private static (string Type, string Message, string Details, string? Input) Split(string reason)
    {
        if (RangeError().Match(reason) is { Success: true } range)
        {
            var type = range.Groups["kind"].Value == "bigger than max" ? "value_bigger_than_max" : "value_smaller_than_min";
            return (type, range.Groups["message"].Value, range.Groups["input"].Value, range.Groups["input"].Value);
        }

        const string notInList = "Value not in list: ";
        if (reason.StartsWith(notInList, StringComparison.Ordinal))
        {
            var details = reason[notInList.Length..];
            var colon = details.IndexOf(':', StringComparison.Ordinal);
            return ("value_not_in_list", "Value not in list", details, colon > 0 ? details[..colon] : null);
        }

        return ("exception_during_validation", reason, string.Empty, null);
    }

    private static string Cut(string text) => text.Length <= HandlerExcerpt ? text : text[..HandlerExcerpt];

    private static string Object(bool indent, int depth, params (string Key, string Value)[] members)
    {
        if (!indent)
        {
            return "{" + string.Join(", ", members.Select(m => $"{Str(m.Key)}: {m.Value}")) + "}";
        }

        var inner = new string(' ', depth * 2);
        var outer = new string(' ', (depth - 1) * 2);
        return "{\n" + string.Join(",\n", members.Select(m => $"{inner}{Str(m.Key)}: {m.Value}")) + $"\n{outer}}}";
    }

    private static string Array(bool indent, int depth, params string[] items)
    {
        if (!indent)
        {
            return "[" + string.Join(", ", items) + "]";
        }

        var inner = new string(' ', depth * 2);
        var outer = new string(' ', (depth - 1) * 2);
        return "[\n" + string.Join(",\n", items.Select(i => inner + i)) + $"\n{outer}]";
    }

    /// <summary>A JSON string as Python's <c>json.dumps</c> writes it (ASCII only).</summary>
    private static string Str(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' or > '~' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^(?<message>Value \S+ (?<kind>bigger than max|smaller than min) of \S+): (?<input>\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeError();
}
