using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>
/// Reads <c>ImageGenerationOptions.AdditionalProperties</c> by wire name and converts each value to the type of the typed
/// request's member. A value of the wrong type fails with an <see cref="ArgumentException"/> whose <c>ParamName</c> is
/// <c>ImageGenerationOptions.AdditionalProperties[name]</c>; the ranges are then checked by the SDK's own validators.
/// Values may be CLR values (<c>7</c>, <c>7L</c>, <c>3.5</c>, <c>"text"</c>, <c>true</c>), numeric or boolean strings,
/// or <see cref="JsonElement"/>s (options read from JSON).
/// </summary>
internal sealed class AdditionalFields(AdditionalPropertiesDictionary? values)
{
    public const string Seed = "seed";
    public const string Steps = "steps";
    public const string Cfg = "cfg";
    public const string Guidance = "guidance";
    public const string GuidanceScale = "guidance_scale";
    public const string NegativePrompt = "negative_prompt";
    public const string LoraId = "lora_id";
    public const string LoraName = "lora_name";
    public const string LoraStrength = "lora_strength";
    public const string TriggerWord = "trigger_word";
    public const string MaskImage = "mask_image";

    private const string Path = "ImageGenerationOptions.AdditionalProperties";

    private static readonly string[] GuidanceNames = [Cfg, Guidance, GuidanceScale];

    /// <summary>Whether <paramref name="name"/> is one of the guidance spellings, which all set the endpoint's guidance field.</summary>
    public static bool IsGuidance(string name) => GuidanceNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The parameter name reported for <paramref name="name"/>.</summary>
    public static string ParamName(string name) => $"{Path}[{name}]";

    /// <summary>The keys <paramref name="mapping"/> accepts, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> Accepted(ImageEndpointMapping mapping)
    {
        var accepted = new List<string> { Seed };
        foreach (var field in mapping.Fields)
        {
            if (IsGuidance(field))
            {
                accepted.Add(field);
                accepted.AddRange(GuidanceNames.Where(g => g != field && g != GuidanceScale));
            }
            else
            {
                accepted.Add(field);
            }
        }

        return accepted.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Refuses any key <paramref name="mapping"/> does not accept, naming where the setting belongs instead.</summary>
    public void CheckKnown(ImageEndpointMapping mapping)
    {
        if (values is null)
        {
            return;
        }

        var accepted = Accepted(mapping);
        foreach (var key in values.Keys)
        {
            if (accepted.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            var hint = key switch
            {
                "width" or "height" => "set ImageGenerationOptions.ImageSize instead.",
                "prompt" or "instruction" => "set ImageGenerationRequest.Prompt instead.",
                "image" or "source_image" or "reference_image" => "pass the image in ImageGenerationRequest.OriginalImages instead.",
                "model" or "endpoint" => "set ImageGenerationOptions.ModelId instead.",
                _ => $"{mapping.Path} accepts: {string.Join(", ", accepted)}.",
            };
            throw new ArgumentException($"{ParamName(key)} is not a field of {mapping.Path}: {hint}", ParamName(key));
        }
    }

    /// <summary>Whether <paramref name="name"/> is set (to a value other than <see langword="null"/>).</summary>
    public bool Has(string name) => Get(name) is not null;

    public string? Text(string name) => Get(name) switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        var other => throw WrongType(name, other, "text"),
    };

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        string s when bool.TryParse(s, out var b) => b,
        JsonElement { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        var other => throw WrongType(name, other, "true or false"),
    };

    public int? Int(string name)
    {
        var value = Long(name);
        return value is null or (>= int.MinValue and <= int.MaxValue)
            ? (int?)value
            : throw new ArgumentException($"{ParamName(name)} is {value}, which is out of range for a whole number of this field.", ParamName(name));
    }

    public long? Long(string name)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return null;
        }

        decimal? number = Number(raw);
        return number is { } n && decimal.Truncate(n) == n && n >= long.MinValue && n <= long.MaxValue
            ? (long)n
            : throw WrongType(name, raw, "a whole number, for example 20");
    }

    public double? Double(string name)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return null;
        }

        return raw switch
        {
            double d => d,
            float f => f,
            _ => Number(raw) is { } n ? (double)n : throw WrongType(name, raw, "a number, for example 3.5"),
        };
    }

    /// <summary>The guidance setting: <c>cfg</c>, <c>guidance</c> or <c>guidance_scale</c> (only one of them may be set).</summary>
    public double? GuidanceValue()
    {
        var set = GuidanceNames.Where(Has).ToList();
        if (set.Count > 1)
        {
            throw new ArgumentException(
                $"{Path} sets {string.Join(" and ", set)}, which are the same setting (the endpoint's guidance): keep one.",
                ParamName(set[1]));
        }

        return set.Count == 1 ? Double(set[0]) : null;
    }

    /// <summary>The LoRA from <c>lora_id</c> or <c>lora_name</c>; exactly one is required.</summary>
    public LoraReference Lora(string endpoint)
    {
        var id = Text(LoraId);
        var name = Text(LoraName);
        if (id is not null && name is not null)
        {
            throw new ArgumentException(
                $"{Path} sets both {LoraId} and {LoraName}: keep one ({LoraName} is the file name, {LoraId} the character id).",
                ParamName(LoraName));
        }

        if (id is null && name is null)
        {
            throw new ArgumentException(
                $"{endpoint} needs a LoRA: set {ParamName(LoraId)} (a character id) or {ParamName(LoraName)} (a file name).",
                ParamName(LoraId));
        }

        return Convert(id is not null ? LoraId : LoraName, () => id is not null ? LoraReference.ById(id) : LoraReference.ByName(name!));
    }

    public QwenAspectRatio? AspectRatio(string name)
    {
        var raw = Get(name);
        if (raw is QwenAspectRatio ratio)
        {
            return ratio;
        }

        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        foreach (var known in QwenAspectRatio.All)
        {
            if (known.Ratio == trimmed)
            {
                return known;
            }
        }

        throw new ArgumentException(
            $"{ParamName(name)} is '{text}'; use one of {string.Join(", ", QwenAspectRatio.All.Select(r => $"{r.Ratio} ({r.Width}x{r.Height})"))} (the server ignores any other ratio).",
            ParamName(name));
    }

    public SdxlCheckpoint? Checkpoint(string name) => Get(name) is SdxlCheckpoint checkpoint
        ? checkpoint
        : Text(name) is { } text ? Convert(name, () => SdxlCheckpoint.Custom(text)) : null;

    public InstantIdFaceProvider? InstantIdProvider(string name) => Get(name) is InstantIdFaceProvider provider
        ? provider
        : Text(name) is { } text ? Convert(name, () => InstantIdFaceProvider.Custom(text)) : null;

    public IpAdapterFaceProvider? IpAdapterProvider(string name) => Get(name) is IpAdapterFaceProvider provider
        ? provider
        : Text(name) is { } text ? Convert(name, () => IpAdapterFaceProvider.Custom(text)) : null;

    public ComfySampler? Sampler(string name) => Get(name) is ComfySampler sampler
        ? sampler
        : Text(name) is { } text ? Convert(name, () => ComfySampler.Custom(text)) : null;

    public ComfyScheduler? Scheduler(string name) => Get(name) is ComfyScheduler scheduler
        ? scheduler
        : Text(name) is { } text ? Convert(name, () => ComfyScheduler.Custom(text)) : null;

    /// <summary>An image given as <see cref="DataContent"/>, bytes, <see cref="ModalMedia"/> or a data URL.</summary>
    public ModalMedia? Media(string name) => Get(name) switch
    {
        null => null,
        ModalMedia media => media,
        DataContent content => MediaInput.FromBytes(content.Data, ParamName(name)),
        byte[] bytes => MediaInput.FromBytes(bytes, ParamName(name)),
        ReadOnlyMemory<byte> memory => MediaInput.FromBytes(memory, ParamName(name)),
        string text => Convert(name, () => ModalMedia.FromDataUrl(text)),
        JsonElement { ValueKind: JsonValueKind.String } e => Convert(name, () => ModalMedia.FromDataUrl(e.GetString()!)),
        var other => throw WrongType(name, other, "an image (DataContent, byte[], ReadOnlyMemory<byte>, ModalMedia or a data URL)"),
    };

    private static decimal? Number(object raw)
    {
        try
        {
            return raw switch
            {
                int i => i,
                long l => l,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                ushort us => us,
                uint ui => ui,
                ulong ul => ul,
                decimal m => m,
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var parsed) => parsed,
                JsonElement { ValueKind: JsonValueKind.String } e
                    when decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static T Convert<T>(string name, Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{ParamName(name)}: {MessageOf(ex)}", ParamName(name), ex);
        }
    }

    private static string MessageOf(ArgumentException exception)
    {
        var suffix = exception.ParamName is { } p ? $" (Parameter '{p}')" : null;
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }

    private static ArgumentException WrongType(string name, object value, string expected)
    {
        var shown = value switch
        {
            JsonElement e => $"{e.GetRawText()} (JSON {e.ValueKind})",
            string s => $"\"{(s.Length > 40 ? s[..40] + "…" : s)}\" (string)",
            _ => string.Create(CultureInfo.InvariantCulture, $"{value} ({value.GetType().Name})"),
        };
        return new ArgumentException($"{ParamName(name)} is {shown}; give {expected}.", ParamName(name));
    }

    private object? Get(string name) =>
        values is not null && values.TryGetValue(name, out var value) && value is not JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }
            ? value
            : null;
}
