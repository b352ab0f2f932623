using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Z-Image family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IZImageApi
{
    [Post(ModalEndpointPaths.ZImageSimple)]
    Task<HttpResponseMessage> SimpleAsync([Body] ZImageSimpleRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.ZImageDanrisi)]
    Task<HttpResponseMessage> DanrisiAsync([Body] ZImageDanrisiRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.ZImageLora)]
    Task<HttpResponseMessage> LoraAsync([Body] ZImageLoraRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
