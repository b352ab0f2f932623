using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IQwenClient"/> over the Refit <see cref="IQwenApi"/>.</summary>
internal sealed class QwenClient(IQwenApi api, ModalCallRunner runner) : IQwenClient
{
    public Task<GeneratedImage> Image2512Async(QwenImage2512Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.QwenImage2512, request, options, api, static (a, r, c, t) => a.ImageAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512FastAsync(QwenImage2512FastRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.QwenImage2512Fast, request, options, api, static (a, r, c, t) => a.ImageFastAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512LoraAsync(QwenImage2512LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.QwenImage2512Lora, request, options, api, static (a, r, c, t) => a.ImageLoraAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
