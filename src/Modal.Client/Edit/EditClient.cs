using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IEditClient"/> over the Refit <see cref="IEditApi"/>.</summary>
internal sealed class EditClient(IEditApi api, ModalCallRunner runner) : IEditClient
{
    public Task<GeneratedImage> QwenImageEditAsync(QwenImageEditRequest request, CancellationToken cancellationToken = default)
    {
        EditValidator.Validate(request);
        return runner.RunAsync("/qwen-image-edit-2511", request, api.QwenImageEditAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> QwenImageInpaintAsync(QwenImageInpaintRequest request, CancellationToken cancellationToken = default)
    {
        EditValidator.Validate(request);
        return runner.RunAsync("/qwen-image-inpaint-2511", request, api.QwenImageInpaintAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
