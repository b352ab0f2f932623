using Microsoft.Extensions.AI;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>The <see cref="IImageGenerator"/> over an <see cref="IModalClient"/>: one endpoint call per image.</summary>
internal sealed class ModalImageGenerator : IImageGenerator
{
    /// <summary>The provider name reported in <see cref="ImageGeneratorMetadata"/>.</summary>
    public const string ProviderName = "modal";

    private readonly IModalClient _client;
    private readonly ImageEndpointMapping? _defaultModel;
    private readonly ImageGeneratorMetadata _metadata;

    public ModalImageGenerator(IModalClient client, ImageEndpointMapping? defaultModel)
    {
        _client = client;
        _defaultModel = defaultModel;

        // The endpoint URLs depend on the client's options (workspace, BaseUrl, AppUrls), which IModalClient does not
        // expose, so no provider URI is reported.
        _metadata = new ImageGeneratorMetadata(ProviderName, providerUri: null, (defaultModel ?? ImageModels.TextToImageDefault).Path);
    }

    public async Task<ImageGenerationResponse> GenerateAsync(
        ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, calls) = ImageRequestPlanner.Plan(_client, request, options, _defaultModel);
        cancellationToken.ThrowIfCancellationRequested();

        // All calls start at once; the SDK's per-app concurrency limit queues what exceeds it. The first failure (in
        // request order) is rethrown unchanged once every call has ended.
        var tasks = new Task<GeneratedImage>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            tasks[i] = calls[i](cancellationToken);
        }

        var images = await Task.WhenAll(tasks).ConfigureAwait(false);
        return new ImageGenerationResponse([.. images.Select(ToContent)]) { RawRepresentation = images };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType == typeof(IModalClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The client belongs to the caller (usually dependency injection): nothing to dispose.
    }

    private static DataContent ToContent(GeneratedImage image)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [ModalImageContentKeys.Endpoint] = image.Endpoint.Path,
            [ModalImageContentKeys.CostUsd] = image.Cost.Usd,
            [ModalImageContentKeys.CostSource] = image.Cost.IsEstimate ? "estimated" : "reported",
            [ModalImageContentKeys.DurationSeconds] = image.Duration.TotalSeconds,
        };
        if (image.Seed is { } seed)
        {
            properties[ModalImageContentKeys.Seed] = seed;
        }

        if (image.CallId is { } callId)
        {
            properties[ModalImageContentKeys.CallId] = callId;
        }

        if (image.Width is { } width && image.Height is { } height)
        {
            properties[ModalImageContentKeys.Width] = width;
            properties[ModalImageContentKeys.Height] = height;
        }

        return new DataContent(image.Content, image.MediaType)
        {
            RawRepresentation = image,
            AdditionalProperties = properties,
        };
    }
}
