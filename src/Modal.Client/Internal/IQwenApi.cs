using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Qwen-Image family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IQwenApi
{
    [Post(ModalEndpointPaths.QwenImage2512)]
    Task<HttpResponseMessage> ImageAsync([Body] QwenImage2512Request request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.QwenImage2512Fast)]
    Task<HttpResponseMessage> ImageFastAsync([Body] QwenImage2512FastRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.QwenImage2512Lora)]
    Task<HttpResponseMessage> ImageLoraAsync([Body] QwenImage2512LoraRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
