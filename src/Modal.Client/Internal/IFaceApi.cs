using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the face-consistency family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IFaceApi
{
    [Post(ModalEndpointPaths.SdxlInstantId)]
    Task<HttpResponseMessage> SdxlInstantIdAsync([Body] SdxlInstantIdRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.FluxPulid)]
    Task<HttpResponseMessage> FluxPulidAsync([Body] FluxPulidRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.FluxIpAdapterFaceId)]
    Task<HttpResponseMessage> FluxIpAdapterFaceIdAsync([Body] FluxIpAdapterFaceIdRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
