using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Flux family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IFluxApi
{
    [Post(ModalEndpointPaths.FluxSchnell)]
    Task<HttpResponseMessage> SchnellAsync([Body] FluxSchnellRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.FluxDev)]
    Task<HttpResponseMessage> DevAsync([Body] FluxDevRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);

    [Post(ModalEndpointPaths.FluxDevLora)]
    Task<HttpResponseMessage> DevLoraAsync([Body] FluxDevLoraRequest request, [Property(ModalCall.PropertyKey)] ModalCall call, CancellationToken cancellationToken);
}
