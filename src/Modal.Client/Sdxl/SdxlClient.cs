using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="ISdxlClient"/> over the Refit <see cref="ISdxlApi"/>.</summary>
internal sealed class SdxlClient(ISdxlApi api, ModalCallRunner runner) : ISdxlClient
{
    public Task<GeneratedImage> TurboAsync(SdxlTurboRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        SdxlValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.SdxlTurbo, request, options, api, static (a, r, c, t) => a.TurboAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> LightningAsync(SdxlLightningRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        SdxlValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.SdxlLightning, request, options, api, static (a, r, c, t) => a.LightningAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
