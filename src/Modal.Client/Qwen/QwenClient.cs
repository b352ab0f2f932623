using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IQwenClient"/> over the Refit <see cref="IQwenApi"/>.</summary>
internal sealed class QwenClient(IQwenApi api, ModalCallRunner runner) : IQwenClient
{
    public Task<GeneratedImage> Image2512Async(QwenImage2512Request request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512", request, api.ImageAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512FastAsync(QwenImage2512FastRequest request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512-fast", request, api.ImageFastAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> Image2512LoraAsync(QwenImage2512LoraRequest request, CancellationToken cancellationToken = default)
    {
        QwenValidator.Validate(request);
        return runner.RunAsync("/qwen-image-2512-lora", request, api.ImageLoraAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
