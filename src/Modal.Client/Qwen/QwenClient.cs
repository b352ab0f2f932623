using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IQwenClient"/> over the Refit <see cref="IQwenApi"/>.</summary>
internal sealed class QwenClient(IQwenApi api, ModalCallRunner runner) : IQwenClient
{
    public Task<GeneratedImage> Image2512Async(QwenImageRequest request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512", request, api.ImageAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512FastAsync(QwenImageFastRequest request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512-fast", request, api.ImageFastAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512LoraAsync(QwenImageLoraRequest request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512-lora", request, api.ImageLoraAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
