using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Modal.Client.Cli.Fields;

/// <summary>
/// Turns a <see cref="FieldSpec"/> into a System.CommandLine option. Values are parsed here, so a bad number or an unknown
/// checkpoint, aspect ratio or LoRA name is a parse error (exit code 2) that names the option.
/// </summary>
internal static class FieldOptions
{
    public static Option Create(FieldSpec field) => field.Kind switch
    {
        FieldKind.Text => new Option<string>(field.OptionName) { Description = field.Description, Required = field.Required, HelpName = "text" },
        FieldKind.Integer => Parsed(field, "n", ParseInt),
        FieldKind.Number => Parsed(field, "x", ParseDouble),
        FieldKind.Seed => Parsed(field, "n", ParseSeed),
        FieldKind.Flag => new Option<bool?>(field.OptionName)
        {
            Description = field.Description,
            Required = field.Required,
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "true|false",
        },
        FieldKind.MediaFile => new Option<string>(field.OptionName) { Description = field.Description, Required = field.Required, HelpName = "file" },
        FieldKind.MediaFiles => new Option<string[]>(field.OptionName)
        {
            Description = field.Description,
            Required = field.Required,
            HelpName = "file",
            AllowMultipleArgumentsPerToken = true,
        },
        FieldKind.Checkpoint => Parsed(field, "name", ParseCheckpoint),
        FieldKind.AspectRatio => Parsed(field, "ratio", ParseAspectRatio),
        FieldKind.InstantIdFaceProvider => Parsed(field, "provider", text => (InstantIdFaceProvider?)InstantIdFaceProvider.Custom(text)),
        FieldKind.IpAdapterFaceProvider => Parsed(field, "provider", text => (IpAdapterFaceProvider?)IpAdapterFaceProvider.Custom(text)),
        FieldKind.Sampler => Parsed(field, "name", text => (ComfySampler?)ComfySampler.Custom(text)),
        FieldKind.Scheduler => Parsed(field, "name", text => (ComfyScheduler?)ComfyScheduler.Custom(text)),
        FieldKind.LoraId => Parsed(field, "id", LoraReference.ById),
        FieldKind.LoraName => Parsed(field, "name", LoraReference.ByName),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind."),
    };

    /// <summary>The short names the CLI accepts for the three documented SDXL checkpoints.</summary>
    public static IReadOnlyDictionary<string, SdxlCheckpoint> CheckpointShortNames { get; } =
        new Dictionary<string, SdxlCheckpoint>(StringComparer.OrdinalIgnoreCase)
        {
            ["sdxl-base"] = SdxlCheckpoint.SdxlBase,
            ["realvisxl"] = SdxlCheckpoint.RealVisXL,
            ["juggernaut"] = SdxlCheckpoint.Juggernaut,
        };

    private static Option<T> Parsed<T>(FieldSpec field, string helpName, Func<string, T> parse) => new(field.OptionName)
    {
        Description = field.Description,
        Required = field.Required,
        HelpName = helpName,
        CustomParser = result =>
        {
            if (result.Tokens.Count != 1)
            {
                result.AddError($"{field.OptionName} needs one value.");
                return default;
            }

            try
            {
                return parse(result.Tokens[0].Value);
            }
            catch (ArgumentException ex)
            {
                result.AddError($"{field.OptionName}: {CliErrors.MessageOf(ex)}");
                return default;
            }
        },
    };

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a whole number.");

    private static double? ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"'{text}' is not a number (use a dot for decimals, e.g. 0.8).");

    private static long? ParseSeed(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a whole number.");

    private static SdxlCheckpoint? ParseCheckpoint(string text)
    {
        if (CheckpointShortNames.TryGetValue(text.Trim(), out var documented))
        {
            return documented;
        }

        try
        {
            return SdxlCheckpoint.Custom(text.Trim());
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{CliErrors.MessageOf(ex)} Or use a short name: {string.Join(", ", CheckpointShortNames.Keys)}.", ex);
        }
    }

    private static QwenAspectRatio? ParseAspectRatio(string text)
    {
        foreach (var ratio in QwenAspectRatio.All)
        {
            if (ratio.Ratio == text.Trim())
            {
                return ratio;
            }
        }

        throw new ArgumentException(
            $"'{text}' is not an aspect ratio the Qwen endpoints know. Use one of {string.Join(", ", QwenAspectRatio.All.Select(r => r.Ratio))}.");
    }
}
