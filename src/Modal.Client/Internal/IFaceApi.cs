using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the face-consistency family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IFaceApi
{
    [Post("/sdxl-instantid")]
    Task<HttpResponseMessage> SdxlInstantIdAsync([Body] SdxlInstantIdRequest request, CancellationToken cancellationToken);

    [Post("/flux-pulid")]
    Task<HttpResponseMessage> FluxPulidAsync([Body] FluxPulidRequest request, CancellationToken cancellationToken);

    [Post("/flux-ipadapter-faceid")]
    Task<HttpResponseMessage> FluxIpAdapterFaceIdAsync([Body] FluxIpAdapterFaceIdRequest request, CancellationToken cancellationToken);
}
