namespace Modal.Client.WebApi;

/// <summary>What <c>/images</c> accepts, from the query string (GET) or a JSON body (POST).</summary>
/// <param name="Prompt">What to generate. Required.</param>
/// <param name="Endpoint">
/// A text-to-image endpoint: /z-image-danrisi (default), /z-image-simple, /flux, /flux-dev, /qwen-image-2512,
/// /qwen-image-2512-fast, /sdxl-turbo or /sdxl-lightning.
/// </param>
/// <param name="NegativePrompt">What to avoid.</param>
/// <param name="Width">Width in pixels (64-4096).</param>
/// <param name="Height">Height in pixels (64-4096).</param>
/// <param name="Seed">The seed; a random one when unset (returned in <c>x-seed</c>).</param>
/// <param name="Fallback">Run the use case's alternative when the endpoint is not deployed (for example /flux for /z-image-danrisi).</param>
internal sealed record ImageRequest(
    string? Prompt,
    string? Endpoint,
    string? NegativePrompt,
    int? Width,
    int? Height,
    long? Seed,
    bool? Fallback);
