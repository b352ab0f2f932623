using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Internal;

/// <summary>How the Python handlers see JSON values: truthiness, <c>str()</c>, <c>int()</c>, type names, base64.</summary>
internal static class PythonValues
{
    public static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => !IsZero(v.ToJsonString()),
        _ => true,
    };

    public static string TypeName(JsonNode? value) => value switch
    {
        null => "NoneType",
        JsonArray => "list",
        JsonObject => "dict",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => IsIntegerText(v.ToJsonString()) ? "int" : "float",
            _ => "object",
        },
        _ => "object",
    };

    /// <summary>Python's <c>str(value)</c> for the JSON types.</summary>
    public static string Str(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return "None";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return v.GetValue<string>();
            case JsonValue v when v.GetValueKind() == JsonValueKind.True:
                return "True";
            case JsonValue v when v.GetValueKind() == JsonValueKind.False:
                return "False";
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                var text = v.ToJsonString();
                if (IsIntegerText(text))
                {
                    return text;
                }

                return Float(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                return value.ToJsonString();
        }
    }

    /// <summary>Python's <c>str(float)</c>: <c>90.0</c>, <c>0.1</c>, <c>2.5</c>.</summary>
    public static string Float(double value) => value == Math.Floor(value) && Math.Abs(value) < 1e16
        ? value.ToString("F1", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static bool IsString(JsonNode? value, out string text)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>
    /// <c>base64.b64decode(text)</c> without validation: characters outside the alphabet are dropped, then the padding
    /// must be right.
    /// </summary>
    public static bool TryB64Decode(string text, out byte[] bytes, out AppError? error)
    {
        var data = new System.Text.StringBuilder(text.Length);
        var padding = 0;
        foreach (var c in text)
        {
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/')
            {
                data.Append(c);
            }
            else if (c == '=')
            {
                padding++;
            }
        }

        bytes = [];
        var remainder = data.Length % 4;
        if (remainder == 1)
        {
            error = new AppError(
                "Error",
                $"Invalid base64-encoded string: number of data characters ({data.Length}) cannot be 1 more than a multiple of 4");
            return false;
        }

        if (remainder != 0 && padding < 4 - remainder)
        {
            error = AppError.Base64();
            return false;
        }

        if (remainder != 0)
        {
            data.Append('=', 4 - remainder);
        }

        bytes = Convert.FromBase64String(data.ToString());
        error = null;
        return true;
    }

    /// <summary>A random seed in [0, <paramref name="exclusiveMax"/>).</summary>
    public static ulong RandomSeed(ulong exclusiveMax)
    {
        Span<byte> buffer = stackalloc byte[8];
        RandomNumberGenerator.Fill(buffer);
        return BitConverter.ToUInt64(buffer) % exclusiveMax;
    }

    private static bool IsZero(string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == 0;

    private static bool IsIntegerText(string text) =>
        !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
}
