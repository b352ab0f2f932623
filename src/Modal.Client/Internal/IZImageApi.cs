using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Z-Image family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IZImageApi
{
    [Post("/z-image-simple")]
    Task<HttpResponseMessage> SimpleAsync([Body] ZImageSimpleRequest request, CancellationToken cancellationToken);

    [Post("/z-image-danrisi")]
    Task<HttpResponseMessage> DanrisiAsync([Body] ZImageDanrisiRequest request, CancellationToken cancellationToken);

    [Post("/z-image-lora")]
    Task<HttpResponseMessage> LoraAsync([Body] ZImageLoraRequest request, CancellationToken cancellationToken);
}
