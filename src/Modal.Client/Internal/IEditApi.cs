using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the editing family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IEditApi
{
    [Post(ModalEndpointPaths.QwenImageEdit)]
    Task<HttpResponseMessage> QwenImageEditAsync([Body] QwenImageEditRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.QwenImageInpaint)]
    Task<HttpResponseMessage> QwenImageInpaintAsync([Body] QwenImageInpaintRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
