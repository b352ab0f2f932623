using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>
/// Validation helpers shared by the per-family validators. Every failure is an <see cref="ArgumentException"/> whose
/// <c>ParamName</c> is the property path (for example <c>FluxSchnellRequest.Width</c>) and whose message says how to fix it.
/// </summary>
internal readonly struct RequestCheck(string requestType)
{
    public const int MaxPromptLength = 20_000;

    /// <summary>Width and height where the graph's latent node (EmptyLatentImage, EmptySD3LatentImage) sets no useful bound.</summary>
    public static readonly InputLimit SdkImageSize = InputLimit.OfSdk(64, 4096, "the latent nodes themselves allow 16 to 16384");

    /// <summary>Steps where the sampler node sets no useful bound.</summary>
    public static readonly InputLimit SdkSteps = InputLimit.OfSdk(1, 200, "KSampler itself allows up to 10000");

    /// <summary>CFG where the sampler node sets no useful bound.</summary>
    public static readonly InputLimit SdkCfg = InputLimit.OfSdk(0, 30, "KSampler itself allows up to 100");

    /// <summary>LoRA strength: the LoRA loader nodes allow -100 to 100.</summary>
    public static readonly InputLimit SdkLoraStrength = InputLimit.OfSdk(-5, 5, "the LoRA loader nodes themselves allow -100 to 100");

    public void NotNull(object? request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(requestType, $"Pass a {requestType}; it was null.");
        }
    }

    public void Prompt(string? value, string property, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                throw Fail(property, "is required: describe what to generate, for example \"a red fox in the snow\".");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(property, required
                ? "is empty or whitespace: describe what to generate, for example \"a red fox in the snow\"."
                : "is empty or whitespace: leave it unset to use the server's default, or give text.");
        }

        if (value.Length > MaxPromptLength)
        {
            throw Fail(property, $"has {value.Length} characters; keep it under {MaxPromptLength} (the text encoders read far fewer tokens).");
        }
    }

    public void OptionalText(string? value, string property)
    {
        if (value is not null && value.Length > MaxPromptLength)
        {
            throw Fail(property, $"has {value.Length} characters; keep it under {MaxPromptLength}.");
        }
    }

    public void Range(int? value, string property, InputLimit limit, string unit = "")
    {
        if (value is { } v && (v < limit.Min || v > limit.Max))
        {
            throw Fail(property, $"is {v}; {limit.Describe(unit)}. Use a value in that range, or leave it unset for the server's default.");
        }
    }

    public void Range(double? value, string property, InputLimit limit)
    {
        if (value is { } v && (double.IsNaN(v) || v < limit.Min || v > limit.Max))
        {
            throw Fail(
                property,
                string.Create(CultureInfo.InvariantCulture, $"is {v}; {limit.Describe()}. Use a value in that range, or leave it unset for the server's default."));
        }
    }

    /// <summary>A seed: non-negative, and within <paramref name="limit"/> when the node bounds it below <see cref="long.MaxValue"/>.</summary>
    public void Seed(long? value, string property, InputLimit? limit = null)
    {
        if (value is < 0)
        {
            throw Fail(property, $"is {value}; use a non-negative seed, or leave it unset and the SDK picks a random one.");
        }

        if (value is { } v && limit is { } l && v > l.Max)
        {
            throw Fail(property, $"is {v}; {l.Describe()}. Use a smaller seed, or leave it unset and the SDK picks a random one.");
        }
    }

    /// <summary>
    /// The custom value of a closed node choice (<c>Custom(string)</c>): ASCII letters, digits and the characters in
    /// <paramref name="extra"/>, up to 100 characters.
    /// </summary>
    public static string CustomChoice(string? value, string paramName, string typeName, string extra, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The custom {typeName} is empty: give the node's value, for example \"{example}\".", paramName);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > 100 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || extra.Contains(c, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"'{(trimmed.Length > 60 ? trimmed[..60] + "…" : trimmed)}' is not a valid {typeName}: use up to 100 ASCII letters or digits{(extra.Length > 0 ? $" or '{string.Join("', '", extra.ToCharArray())}'" : string.Empty)}, for example \"{example}\".",
                paramName);
        }

        return trimmed;
    }

    public void Image(ModalMedia? media, string property, bool required = true)
    {
        if (media is null)
        {
            if (required)
            {
                throw Fail(property, "is required: pass an image, for example await ModalMedia.FromFileAsync(\"face.jpg\").");
            }

            return;
        }

        if (!media.IsImage)
        {
            throw Fail(property, $"has the type {media.MediaType}; pass a still image (PNG, JPEG, WebP or GIF).");
        }
    }

    public void Video(ModalMedia? media, string property)
    {
        if (media is null)
        {
            throw Fail(property, "is required: pass a video, for example await ModalMedia.FromFileAsync(\"clip.mp4\").");
        }

        if (media.Format is not (MediaFormat.Mp4 or MediaFormat.WebM))
        {
            throw Fail(property, $"has the type {media.MediaType}; pass an MP4 (or WebM) video.");
        }
    }

    public void Lora(LoraReference? lora, string property)
    {
        if (lora is null)
        {
            throw Fail(property, "is required: pass LoraReference.ById(\"<character id>\") or LoraReference.ByName(\"<file name>\").");
        }
    }

    public ArgumentException Fail(string property, string problem)
        => new($"{requestType}.{property} {problem}", $"{requestType}.{property}");
}
