using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IUpscaleClient"/> over the Refit <see cref="IUpscaleApi"/>.</summary>
internal sealed class UpscaleClient(IUpscaleApi api, ModalCallRunner runner) : IUpscaleClient
{
    public Task<GeneratedImage> SeedVr2Async(SeedVr2Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        UpscaleValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.SeedVr2, request, options, api, static (a, r, c, t) => a.SeedVr2Async(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
