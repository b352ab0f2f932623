using System.Drawing;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace Modal.Client.WebApi;

/// <summary>
/// Modal.Client behind Microsoft.Extensions.AI: the app's <see cref="IImageGenerator"/> is the Modal client (with
/// OpenTelemetry), and <c>GET /ai/images?prompt=…&amp;model=/flux-dev&amp;width=768&amp;height=512&amp;seed=7</c> is written
/// against <see cref="IImageGenerator"/> alone, so another provider could be swapped in. The README's
/// "Microsoft.Extensions.AI" section mirrors this file.
/// </summary>
internal static class AIImageEndpoints
{
    /// <summary>Registers the Modal client as the app's <see cref="IImageGenerator"/>; needs <c>AddModalClient</c> first.</summary>
    public static IServiceCollection AddModalImageGenerator(this IServiceCollection services)
    {
        services.AddImageGenerator(sp => sp.GetRequiredService<IModalClient>().AsIImageGenerator()).UseOpenTelemetry();
        return services;
    }

    public static IEndpointRouteBuilder MapAIImages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ai/images", GenerateAsync);
        return routes;
    }

    /// <param name="generator">The app's image generator.</param>
    /// <param name="response">Receives the seed and endpoint headers.</param>
    /// <param name="prompt">What to generate. Required.</param>
    /// <param name="model">A model id: an endpoint path (<c>/flux-dev</c>) or a use case (<c>fast-preview</c>); default <c>/z-image-danrisi</c>.</param>
    /// <param name="width">Width in pixels, with <paramref name="height"/>.</param>
    /// <param name="height">Height in pixels, with <paramref name="width"/>.</param>
    /// <param name="seed">The seed; a random one when unset (returned in <c>x-seed</c>).</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    private static async Task<IResult> GenerateAsync(
        IImageGenerator generator, HttpResponse response, string? prompt, string? model, int? width, int? height, long? seed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(prompt) || width.HasValue != height.HasValue)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid image request",
                detail: "Pass ?prompt=... (for example \"a red fox in the snow\"), and width and height together or neither.");
        }

        var options = new ImageGenerationOptions
        {
            ModelId = model,
            ImageSize = width is { } w && height is { } h ? new Size(w, h) : null,
            AdditionalProperties = seed is { } s ? new() { ["seed"] = s } : null,
        };

        ImageGenerationResponse generated;
        try
        {
            generated = await generator.GenerateImagesAsync(prompt, options, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Refused before anything was sent: an unknown model id, an option the endpoint cannot honour, a bad value.
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid image request", detail: ex.Message);
        }

        var image = generated.Contents.OfType<DataContent>().First();
        response.Headers["x-modal-endpoint"] = image.AdditionalProperties?[ModalImageContentKeys.Endpoint]?.ToString();
        response.Headers["x-seed"] = Convert.ToString(image.AdditionalProperties?[ModalImageContentKeys.Seed], CultureInfo.InvariantCulture);
        return Results.File(image.Data.ToArray(), image.MediaType);
    }
}
