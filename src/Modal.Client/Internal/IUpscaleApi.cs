using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the upscaling family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IUpscaleApi
{
    [Post(ModalEndpointPaths.SeedVr2)]
    Task<HttpResponseMessage> SeedVr2Async([Body] SeedVr2Request request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
