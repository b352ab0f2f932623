using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>
/// Validation helpers shared by the per-family validators. Every failure is an <see cref="ArgumentException"/> whose
/// <c>ParamName</c> is the property path (for example <c>FluxRequest.Width</c>) and whose message says how to fix it.
/// </summary>
internal readonly struct RequestCheck(string requestType)
{
    public const int MaxPromptLength = 20_000;
    public const int MinImageSize = 64;
    public const int MaxImageSize = 4096;
    public const int MaxSteps = 200;

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

    public void Size(int? value, string property, int min = MinImageSize, int max = MaxImageSize)
        => Range(value, property, min, max, "pixels");

    public void Steps(int? value, string property, int min = 1, int max = MaxSteps) => Range(value, property, min, max, "steps");

    public void Range(int? value, string property, int min, int max, string unit = "")
    {
        if (value is { } v && (v < min || v > max))
        {
            throw Fail(property, $"is {v}; use {min} to {max}{(unit.Length > 0 ? " " + unit : "")}, or leave it unset for the server's default.");
        }
    }

    public void Range(double? value, string property, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            throw Fail(property, string.Create(CultureInfo.InvariantCulture, $"is {v}; use {min} to {max}, or leave it unset for the server's default."));
        }
    }

    public void Seed(long? value, string property)
    {
        if (value is < 0)
        {
            throw Fail(property, $"is {value}; use a non-negative seed, or leave it unset and the SDK picks a random one.");
        }
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
