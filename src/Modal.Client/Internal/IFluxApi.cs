using Refit;

namespace Modal.Client.Internal;

/// <summary>The Refit surface of the Flux family. Hosts are resolved per endpoint by <see cref="ModalRoutingHandler"/>.</summary>
internal interface IFluxApi
{
    [Post("/flux")]
    Task<HttpResponseMessage> SchnellAsync([Body] FluxSchnellRequest request, CancellationToken cancellationToken);

    [Post("/flux-dev")]
    Task<HttpResponseMessage> DevAsync([Body] FluxDevRequest request, CancellationToken cancellationToken);

    [Post("/flux-dev-lora")]
    Task<HttpResponseMessage> DevLoraAsync([Body] FluxDevLoraRequest request, CancellationToken cancellationToken);
}
