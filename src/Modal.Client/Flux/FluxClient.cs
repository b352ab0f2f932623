using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IFluxClient"/> over the Refit <see cref="IFluxApi"/>.</summary>
internal sealed class FluxClient(IFluxApi api, ModalCallRunner runner) : IFluxClient
{
    public Task<GeneratedImage> SchnellAsync(FluxSchnellRequest request, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync("/flux", request, api.SchnellAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DevAsync(FluxDevRequest request, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync("/flux-dev", request, api.DevAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DevLoraAsync(FluxDevLoraRequest request, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync("/flux-dev-lora", request, api.DevLoraAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
