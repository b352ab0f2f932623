using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Modal.Client.Extensions.AI.Internal;

namespace Modal.Client;

/// <summary>Bridges <see cref="IModalClient"/> to Microsoft.Extensions.AI.</summary>
public static class ModalClientAIExtensions
{
    /// <summary>
    /// Wraps the client as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>, so that code written against
    /// <see cref="IImageGenerator"/> (and its middleware: OpenTelemetry, logging, caching) can use the Modal image endpoints.
    /// </summary>
    /// <param name="client">The Modal client, usually from dependency injection.</param>
    /// <param name="defaultModelId">
    /// The model used when <see cref="ImageGenerationOptions.ModelId"/> is unset: an endpoint path (<c>/flux-dev</c> or
    /// <c>flux-dev</c>) or a use-case name (<c>fast-preview</c>, <c>quality-text-to-image</c>, <c>fast-quality</c>,
    /// <c>face-consistency</c>, <c>upscaling</c>). <see langword="null"/>: text-to-image runs on the fast-preview primary
    /// <c>/z-image-danrisi</c> and an edit (one original image) on <c>/qwen-image-edit-2511</c>.
    /// </param>
    /// <returns>The generator. Disposing it does not dispose <paramref name="client"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="defaultModelId"/> is not an image endpoint or use case (unknown, removed, not yet available, or
    /// video); the message lists the valid ids.
    /// </exception>
    /// <remarks>
    /// <para>
    /// A request maps onto one endpoint call per image: the prompt (the instruction for an edit), <c>OriginalImages</c>
    /// (one image: an edit on <c>/qwen-image-edit-2511</c> unless the model id names another image-input endpoint),
    /// <see cref="ImageGenerationOptions.ImageSize"/> (width and height), <see cref="ImageGenerationOptions.Count"/>
    /// (that many calls with seeds <c>seed</c>, <c>seed+1</c>, …, run concurrently within the SDK's per-app limit) and
    /// <see cref="ImageGenerationOptions.AdditionalProperties"/> (<c>seed</c>, <c>steps</c>, <c>cfg</c>/<c>guidance</c>,
    /// <c>negative_prompt</c> and each endpoint's own fields by wire name). Each image comes back as a
    /// <see cref="DataContent"/> with its real media type, the <see cref="GeneratedImage"/> as its raw representation and
    /// the seed, cost, call id and endpoint under the <see cref="ModalImageContentKeys"/>.
    /// </para>
    /// <para>
    /// Microsoft.Extensions.AI's image API is experimental (diagnostic <c>MEAI001</c>), and so is this method.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddImageGenerator(sp => sp.GetRequiredService&lt;IModalClient&gt;().AsIImageGenerator()).UseOpenTelemetry();
    /// </code>
    /// </example>
    [Experimental("MEAI001", UrlFormat = "https://aka.ms/dotnet-extensions-warnings/{0}")]
    public static IImageGenerator AsIImageGenerator(this IModalClient client, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var model = defaultModelId is null ? null : ImageModels.Resolve(defaultModelId, nameof(defaultModelId));
        return new ModalImageGenerator(client, model);
    }
}
