using System.Globalization;
using Microsoft.Extensions.AI;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>
/// Turns one <see cref="ImageGenerationRequest"/> and its options into the endpoint calls to make, checking everything
/// that can be checked before anything is sent.
/// </summary>
internal static class ImageRequestPlanner
{
    /// <summary>The most images one request may ask for (<see cref="ImageGenerationOptions.Count"/>); each is a paid GPU call.</summary>
    public const int MaxCount = 10;

    /// <summary>Random base seeds for <c>Count</c> &gt; 1 stay within the SDK's own random range, 0 to <see cref="int.MaxValue"/>.</summary>
    private const long MaxRandomSeed = int.MaxValue;

    private const string RequestImages = "ImageGenerationRequest.OriginalImages";

    public static (ImageEndpointMapping Model, IReadOnlyList<Func<CancellationToken, Task<GeneratedImage>>> Calls) Plan(
        IModalClient client, ImageGenerationRequest request, ImageGenerationOptions? options, ImageEndpointMapping? defaultModel)
    {
        var images = request.OriginalImages?.ToList() ?? [];
        var named = options?.ModelId is { } id ? ImageModels.Resolve(id, "ImageGenerationOptions.ModelId") : defaultModel;
        var model = named ?? (images.Count > 0 ? ImageModels.EditDefault : ImageModels.TextToImageDefault);
        CheckImages(model, images, named is not null && options?.ModelId is null);
        CheckOptions(model, options);

        var fields = new AdditionalFields(options?.AdditionalProperties);
        fields.CheckKnown(model);
        var image = images.Count > 0 ? MediaInput.FromContent(images[0], $"{RequestImages}[0]") : null;
        var mask = model.Input == ImageInput.Inpaint ? Mask(images, fields) : null;
        var prompt = model.Input == ImageInput.Upscale ? null : request.Prompt;
        var count = options?.Count ?? 1;
        var seeds = Seeds(fields.Long(AdditionalFields.Seed), count);
        var size = options?.ImageSize;

        var calls = new List<Func<CancellationToken, Task<GeneratedImage>>>(count);
        foreach (var seed in seeds)
        {
            calls.Add(model.Build(client, new ImageCall(prompt, image, mask, size?.Width, size?.Height, seed, fields)));
        }

        return (model, calls);
    }

    private static void CheckImages(ImageEndpointMapping model, List<AIContent> images, bool isGeneratorDefault)
    {
        var named = isGeneratorDefault ? $"{model.Path} (the generator's default model)" : model.Path;
        var imageInputs = string.Join(", ", ImageEndpointMappings.ImageInputPaths);
        if (model.Input == ImageInput.None)
        {
            if (images.Count > 0)
            {
                throw Invalid(
                    $"{RequestImages} has an image, but {named} is text-to-image and takes no original image. To edit the image, set "
                    + $"ImageGenerationOptions.ModelId to {ImageModels.EditDefault.Path}{(isGeneratorDefault ? "" : " or leave it unset")}; the image-input endpoints are {imageInputs}.",
                    RequestImages);
            }

            return;
        }

        var max = model.Input == ImageInput.Inpaint ? 2 : 1;
        if (images.Count == 0)
        {
            throw Invalid(
                $"{RequestImages} is empty, but {named} needs {(model.Input == ImageInput.Reference ? "a reference face" : "the source image")}: pass it as a DataContent.",
                RequestImages);
        }

        if (images.Count > max)
        {
            throw Invalid(
                model.Input switch
                {
                    ImageInput.Inpaint => $"{RequestImages} has {images.Count} images; {named} takes the source image and, optionally, the mask as a second image.",
                    ImageInput.Edit => $"{RequestImages} has {images.Count} images; {named} edits one. To inpaint with a mask, set ImageGenerationOptions.ModelId to /qwen-image-inpaint-2511 and pass [source, mask].",
                    _ => $"{RequestImages} has {images.Count} images; {named} takes one.",
                },
                RequestImages);
        }
    }

    private static void CheckOptions(ImageEndpointMapping model, ImageGenerationOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.ResponseFormat is { } format && format != ImageGenerationResponseFormat.Data)
        {
            throw Invalid(
                $"ImageGenerationOptions.ResponseFormat is {format}, but Modal returns the image bytes and keeps no copy to link to: leave it unset or use Data.",
                "ImageGenerationOptions.ResponseFormat");
        }

        if (options.MediaType is { } mediaType && !string.Equals(mediaType.Trim(), model.OutputMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(
                $"ImageGenerationOptions.MediaType is '{mediaType}', but {model.Path} returns {model.OutputMediaType} and Modal.Client does not convert images: leave it unset or ask for {model.OutputMediaType}.",
                "ImageGenerationOptions.MediaType");
        }

        if (options.ImageSize is { } size && !model.TakesSize)
        {
            var instead = model.Input == ImageInput.Upscale
                ? "set the target with AdditionalProperties[\"resolution\"] instead"
                : "the result keeps the source image's size; resize the source instead";
            throw Invalid(
                string.Create(CultureInfo.InvariantCulture, $"ImageGenerationOptions.ImageSize is {size.Width}x{size.Height}, but {model.Path} takes no size: leave it unset ({instead})."),
                "ImageGenerationOptions.ImageSize");
        }

        if (options.Count is { } count && count is < 1 or > MaxCount)
        {
            throw Invalid(
                $"ImageGenerationOptions.Count is {count}; ask for 1 to {MaxCount} images (each one is a separate paid GPU call).",
                "ImageGenerationOptions.Count");
        }
    }

    private static ModalMedia? Mask(List<AIContent> images, AdditionalFields fields)
    {
        var inOptions = fields.Media(AdditionalFields.MaskImage);
        if (images.Count > 1 && inOptions is not null)
        {
            throw Invalid(
                $"The mask is given twice, as {RequestImages}[1] and as {AdditionalFields.ParamName(AdditionalFields.MaskImage)}: keep one.",
                AdditionalFields.ParamName(AdditionalFields.MaskImage));
        }

        if (images.Count > 1)
        {
            return MediaInput.FromContent(images[1], $"{RequestImages}[1]");
        }

        return inOptions ?? throw Invalid(
            $"/qwen-image-inpaint-2511 needs a mask (white = replace, black = keep): pass it as the second of {RequestImages} or as {AdditionalFields.ParamName(AdditionalFields.MaskImage)}.",
            RequestImages);
    }

    /// <summary>One seed per image: <c>seed</c>, <c>seed+1</c>, …; a random base for several images; none (the SDK picks) for one.</summary>
    private static long?[] Seeds(long? seed, int count)
    {
        if (seed is null && count == 1)
        {
            return [null];
        }

        var first = seed ?? Random.Shared.NextInt64(0, MaxRandomSeed - count + 2);
        if (first > long.MaxValue - (count - 1))
        {
            throw Invalid(
                $"{AdditionalFields.ParamName(AdditionalFields.Seed)} is {first}; with Count {count} the seeds {first}, {first}+1, … would overflow. Use a smaller seed.",
                AdditionalFields.ParamName(AdditionalFields.Seed));
        }

        var seeds = new long?[count];
        for (var i = 0; i < count; i++)
        {
            seeds[i] = first + i;
        }

        return seeds;
    }

    /// <summary>An <see cref="ArgumentException"/> whose <c>ParamName</c> is the property path (<c>ImageGenerationOptions.Count</c>).</summary>
    private static ArgumentException Invalid(string message, string propertyPath) => new(message, propertyPath);
}
