using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the editing family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IEditApi
{
    [Post("/qwen-image-edit-2511")]
    Task<HttpResponseMessage> QwenImageEditAsync([Body] QwenImageEditRequest request, CancellationToken cancellationToken);

    [Post("/qwen-image-inpaint-2511")]
    Task<HttpResponseMessage> QwenImageInpaintAsync([Body] QwenImageInpaintRequest request, CancellationToken cancellationToken);
}
