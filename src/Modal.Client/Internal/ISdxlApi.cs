using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the SDXL family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface ISdxlApi
{
    [Post("/sdxl-turbo")]
    Task<HttpResponseMessage> TurboAsync([Body] SdxlTurboRequest request, CancellationToken cancellationToken);

    [Post("/sdxl-lightning")]
    Task<HttpResponseMessage> LightningAsync([Body] SdxlLightningRequest request, CancellationToken cancellationToken);
}
