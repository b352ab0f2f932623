using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IEditClient"/> over the Refit <see cref="IEditApi"/>.</summary>
internal sealed class EditClient(IEditApi api, ModalCallRunner runner) : IEditClient
{
    public Task<GeneratedImage> QwenImageEditAsync(QwenImageEditRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        EditValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.QwenImageEdit, request, options, api, static (a, r, c, t) => a.QwenImageEditAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> QwenImageInpaintAsync(QwenImageInpaintRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        EditValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.QwenImageInpaint, request, options, api, static (a, r, c, t) => a.QwenImageInpaintAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
