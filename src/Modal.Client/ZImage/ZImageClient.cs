using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IZImageClient"/> over the Refit <see cref="IZImageApi"/>.</summary>
internal sealed class ZImageClient(IZImageApi api, ModalCallRunner runner) : IZImageClient
{
    public Task<GeneratedImage> SimpleAsync(ZImageSimpleRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.ZImageSimple, request, options, api, static (a, r, c, t) => a.SimpleAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DanrisiAsync(ZImageDanrisiRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.ZImageDanrisi, request, options, api, static (a, r, c, t) => a.DanrisiAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> LoraAsync(ZImageLoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ZImageValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.ZImageLora, request, options, api, static (a, r, c, t) => a.LoraAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
