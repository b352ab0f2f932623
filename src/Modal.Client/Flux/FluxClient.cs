using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IFluxClient"/> over the Refit <see cref="IFluxApi"/>.</summary>
internal sealed class FluxClient(IFluxApi api, ModalCallRunner runner) : IFluxClient
{
    public Task<GeneratedImage> SchnellAsync(FluxSchnellRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.FluxSchnell, request, options, api, static (a, r, c, t) => a.SchnellAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DevAsync(FluxDevRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.FluxDev, request, options, api, static (a, r, c, t) => a.DevAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> DevLoraAsync(FluxDevLoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FluxValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.FluxDevLora, request, options, api, static (a, r, c, t) => a.DevLoraAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
