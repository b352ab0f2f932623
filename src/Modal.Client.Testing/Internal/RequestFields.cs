using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Internal;

/// <summary>
/// Reads a request body the way the handlers do (<c>item.get(key, default)</c>, ComfyUI's <c>int()</c>/<c>float()</c>
/// input conversion and min/max validation) and remembers the first value that would make the ComfyUI graph fail,
/// for example an explicit <c>null</c> (contract §2.1).
/// </summary>
internal sealed class RequestFields(JsonObject json, bool enforceNodeLimits = true)
{
    /// <summary>The first reason the graph would fail; <see langword="null"/> while every value is usable.</summary>
    public string? BrokenReason { get; private set; }

    /// <summary>True when the failure is a runtime one (out of memory) rather than ComfyUI's input validation.</summary>
    public bool BrokenAtRuntime { get; private set; }

    /// <summary>The node whose validation refused the graph, when known (its error then carries ComfyUI's node errors).</summary>
    public ComfyNode? BrokenNode { get; private set; }

    public bool Contains(string name) => json.ContainsKey(name);

    public JsonNode? Raw(string name) => json.TryGetPropertyValue(name, out var value) ? value : null;

    public bool Truthy(string name) => PythonValues.Truthy(Raw(name));

    /// <summary>Marks the graph as failing (first reason wins).</summary>
    public void Break(string reason, bool atRuntime = false, ComfyNode? node = null)
    {
        if (BrokenReason is null)
        {
            BrokenReason = reason;
            BrokenAtRuntime = atRuntime;
            BrokenNode = node;
        }
    }

    /// <summary>
    /// A real node's INT range check (ComfyUI's <c>Value {v} bigger than max of {max}: {input}</c>), applied only when
    /// the deployment enforces node limits.
    /// </summary>
    public void NodeIntRange(ComfyNode node, string input, decimal value, decimal? min = null, decimal? max = null)
    {
        if (!enforceNodeLimits)
        {
            return;
        }

        if (min is { } low && value < low)
        {
            Break(string.Create(CultureInfo.InvariantCulture, $"Value {value} smaller than min of {low}: {input}"), node: node);
        }
        else if (max is { } high && value > high)
        {
            Break(string.Create(CultureInfo.InvariantCulture, $"Value {value} bigger than max of {high}: {input}"), node: node);
        }
    }

    /// <summary>A real node's FLOAT range check; ComfyUI converts the value with <c>float()</c> first, so 90 prints as 90.0.</summary>
    public void NodeFloatRange(ComfyNode node, string input, double value, double? min = null, double? max = null)
    {
        if (!enforceNodeLimits)
        {
            return;
        }

        if (min is { } low && value < low)
        {
            Break($"Value {PythonValues.Float(value)} smaller than min of {PythonValues.Float(low)}: {input}", node: node);
        }
        else if (max is { } high && value > high)
        {
            Break($"Value {PythonValues.Float(value)} bigger than max of {PythonValues.Float(high)}: {input}", node: node);
        }
    }

    /// <summary>A real node's list input: <c>Value not in list: {input}: '{v}' not in [...]</c>.</summary>
    public void NodeChoice(ComfyNode node, string input, string value, IReadOnlyList<string> options)
    {
        if (enforceNodeLimits && !options.Contains(value, StringComparer.Ordinal))
        {
            Break($"Value not in list: {input}: '{value}' not in [{string.Join(", ", options.Select(o => $"'{o}'"))}]", node: node);
        }
    }

    /// <summary>An INT node input: <c>int(value)</c>, then ComfyUI's min/max check.</summary>
    public long Int(string name, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!json.TryGetPropertyValue(name, out var node))
        {
            return fallback;
        }

        if (!TryInt(node, out var value))
        {
            Break(ConversionError(name, "INT", node));
            return fallback;
        }

        return CheckRange(name, value, min, max) ? value : fallback;
    }

    /// <summary>A FLOAT node input: <c>float(value)</c>.</summary>
    public double Number(string name, double fallback)
    {
        if (!json.TryGetPropertyValue(name, out var node))
        {
            return fallback;
        }

        if (!TryDouble(node, out var value))
        {
            Break(ConversionError(name, "FLOAT", node));
            return fallback;
        }

        return value;
    }

    /// <summary>
    /// A STRING node input. With <paramref name="emptyMeansDefault"/> the handler uses <c>item.get(k) or DEFAULT</c>,
    /// so null and "" give the default; otherwise null reaches the graph and breaks it.
    /// </summary>
    public string Text(string name, string fallback, bool emptyMeansDefault = false)
    {
        if (!json.TryGetPropertyValue(name, out var node))
        {
            return fallback;
        }

        if (emptyMeansDefault && !PythonValues.Truthy(node))
        {
            return fallback;
        }

        if (node is null)
        {
            Break(ConversionError(name, "STRING", node));
            return fallback;
        }

        return PythonValues.Str(node);
    }

    /// <summary>A Python-side flag (<c>if item.get(k, default):</c>): null is falsy and never breaks anything.</summary>
    public bool Flag(string name, bool fallback) =>
        json.TryGetPropertyValue(name, out var node) ? PythonValues.Truthy(node) : fallback;

    /// <summary>
    /// The sampler seed (KSampler range 0..2^64-1). Missing gives <paramref name="fixedDefault"/>, or a random seed below
    /// <paramref name="randomBelow"/> when the server has no fixed default; null gives a random seed only where the
    /// handler says so (<paramref name="nullMeansRandom"/>), otherwise it breaks the graph.
    /// </summary>
    public ulong Seed(ulong? fixedDefault, ulong randomBelow = 1UL << 32, bool nullMeansRandom = false)
    {
        const string name = "seed";
        var fallback = fixedDefault ?? PythonValues.RandomSeed(randomBelow);
        if (!json.TryGetPropertyValue(name, out var node))
        {
            return fallback;
        }

        if (node is null)
        {
            if (!nullMeansRandom)
            {
                Break(ConversionError(name, "INT", node));
            }

            return fallback;
        }

        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : node.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && node.GetValueKind() != JsonValueKind.True && node.GetValueKind() != JsonValueKind.False)
        {
            number = decimal.Truncate(number);
            if (number < 0)
            {
                Break($"Value {number} smaller than min of 0: {name}");
                return fallback;
            }

            if (number > ulong.MaxValue)
            {
                Break($"Value {number} bigger than max of 18446744073709551615: {name}");
                return fallback;
            }

            return (ulong)number;
        }

        Break(ConversionError(name, "INT", node));
        return fallback;
    }

    /// <summary>An image side in pixels: INT with ComfyUI's 16..16384 range.</summary>
    public int Side(string name, int fallback) => (int)Int(name, fallback, 16, 16384);

    private static bool TryInt(JsonNode? node, out long value)
    {
        value = 0;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.Number:
                var d = double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || Math.Abs(d) > long.MaxValue)
                {
                    return false;
                }

                value = (long)Math.Truncate(d);
                return true;
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return long.TryParse(node.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    private static bool TryDouble(JsonNode? node, out double value)
    {
        value = 0;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.Number:
                value = double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return true;
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return double.TryParse(node.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    private static string ConversionError(string name, string comfyType, JsonNode? node) =>
        $"Failed to convert an input value to a {comfyType} value: {name}, {PythonValues.Str(node)}, "
        + (node is null
            ? "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
            : $"invalid literal for {comfyType.ToLowerInvariant()}(): '{PythonValues.Str(node)}'");

    private bool CheckRange(string name, long value, long min, long max)
    {
        if (value < min)
        {
            Break(string.Create(CultureInfo.InvariantCulture, $"Value {value} smaller than min of {min}: {name}"));
            return false;
        }

        if (value > max)
        {
            Break(string.Create(CultureInfo.InvariantCulture, $"Value {value} bigger than max of {max}: {name}"));
            return false;
        }

        return true;
    }
}
