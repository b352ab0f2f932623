using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IZImageClient"/> over the Refit <see cref="IZImageApi"/>.</summary>
internal sealed class ZImageClient(IZImageApi api, ModalCallRunner runner) : IZImageClient
{
    public Task<GeneratedImage> SimpleAsync(ZImageSimpleRequest request, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync("/z-image-simple", request, api.SimpleAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DanrisiAsync(ZImageDanrisiRequest request, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync("/z-image-danrisi", request, api.DanrisiAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> LoraAsync(ZImageLoraRequest request, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync("/z-image-lora", request, api.LoraAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
