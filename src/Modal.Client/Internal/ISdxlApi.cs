using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the SDXL family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface ISdxlApi
{
    [Post(ModalEndpointPaths.SdxlTurbo)]
    Task<HttpResponseMessage> TurboAsync([Body] SdxlTurboRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.SdxlLightning)]
    Task<HttpResponseMessage> LightningAsync([Body] SdxlLightningRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
