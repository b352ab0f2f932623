using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Qwen-Image family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IQwenApi
{
    [Post("/qwen-image-2512")]
    Task<HttpResponseMessage> ImageAsync([Body] QwenImage2512Request request, CancellationToken cancellationToken);

    [Post("/qwen-image-2512-fast")]
    Task<HttpResponseMessage> ImageFastAsync([Body] QwenImage2512FastRequest request, CancellationToken cancellationToken);

    [Post("/qwen-image-2512-lora")]
    Task<HttpResponseMessage> ImageLoraAsync([Body] QwenImage2512LoraRequest request, CancellationToken cancellationToken);
}
