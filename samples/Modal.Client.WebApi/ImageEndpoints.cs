using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Modal.Client.WebApi;

/// <summary>
/// <c>GET /images?prompt=…&amp;endpoint=/z-image-danrisi</c> and <c>POST /images</c> (JSON): generate an image and return
/// its bytes with the real content type (recognised from the bytes; the servers label PNG as image/jpeg), plus the seed,
/// Modal's call id and the cost as headers.
/// </summary>
internal static class ImageEndpoints
{
    /// <summary>The fastest and cheapest endpoint (~6 s, ~$0.003).</summary>
    public const string DefaultEndpoint = "/z-image-danrisi";

    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(
            "/images",
            ([AsParameters] ImageRequest request, IModelSelector selector, HttpResponse response, CancellationToken cancellationToken) =>
                GenerateAsync(request, selector, response, cancellationToken));
        routes.MapPost(
            "/images",
            ([FromBody] ImageRequest request, IModelSelector selector, HttpResponse response, CancellationToken cancellationToken) =>
                GenerateAsync(request, selector, response, cancellationToken));
        return routes;
    }

    private static async Task<IResult> GenerateAsync(ImageRequest request, IModelSelector selector, HttpResponse response, CancellationToken cancellationToken)
    {
        if (request.Prompt is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid image request",
                detail: "Prompt is required: pass ?prompt=... (GET) or {\"prompt\": \"...\"} (POST), for example \"a red fox in the snow\".");
        }

        GeneratedImage image;
        try
        {
            var prompt = new TextToImagePrompt
            {
                Prompt = request.Prompt,
                NegativePrompt = request.NegativePrompt,
                Width = request.Width,
                Height = request.Height,
                Seed = request.Seed,
            };
            image = await selector.GenerateImageAsync(prompt, ModalCatalog.GetCallable(request.Endpoint ?? DefaultEndpoint), request.Fallback ?? false, cancellationToken: cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Bad input, refused by the SDK before anything was sent.
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid image request",
                detail: MessageOf(ex),
                extensions: new Dictionary<string, object?> { ["parameter"] = ex.ParamName });
        }
        catch (ModalEndpointUnavailableException ex)
        {
            // A removed or future endpoint: the caller's choice, refused before anything was sent.
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Endpoint not available",
                detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["alternative"] = ex.Alternative?.Path });
        }
        catch (ModalException ex)
        {
            // The SDK's message is classified and never carries the server's Python traceback.
            return Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The Modal call failed",
                detail: ex.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["error"] = ex.GetType().Name,
                    ["endpoint"] = ex.Endpoint?.Path,
                    ["modalStatusCode"] = ex.StatusCode,
                    ["callId"] = ex.CallId,
                    ["gpuWorkMayHaveRun"] = ex.GpuWorkMayHaveRun,
                });
        }

        var invariant = CultureInfo.InvariantCulture;
        response.Headers["x-modal-endpoint"] = image.Endpoint.Path;
        response.Headers["x-seed"] = image.Seed?.ToString(invariant);
        response.Headers["x-modal-call-id"] = image.CallId;
        response.Headers["x-cost-usd"] = image.Cost.Usd.ToString("0.000000", invariant);
        response.Headers["x-cost-source"] = image.Cost.IsEstimate ? "estimated" : "reported";
        response.Headers["x-duration-ms"] = ((long)image.Duration.TotalMilliseconds).ToString(invariant);
        return Results.File(image.Content.ToArray(), image.MediaType);
    }

    /// <summary>The message without the " (Parameter 'x')" suffix .NET appends (the parameter is its own field).</summary>
    private static string MessageOf(ArgumentException exception)
    {
        var suffix = exception.ParamName is { } name ? $" (Parameter '{name}')" : null;
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }
}
