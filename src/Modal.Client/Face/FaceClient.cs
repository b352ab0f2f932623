using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IFaceClient"/> over the Refit <see cref="IFaceApi"/>.</summary>
internal sealed class FaceClient(IFaceApi api, ModalCallRunner runner) : IFaceClient
{
    public Task<GeneratedImage> SdxlInstantIdAsync(SdxlInstantIdRequest request, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync("/sdxl-instantid", request, api.SdxlInstantIdAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> FluxPulidAsync(FluxPulidRequest request, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync("/flux-pulid", request, api.FluxPulidAsync, static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> FluxIpAdapterFaceIdAsync(FluxIpAdapterFaceIdRequest request, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync("/flux-ipadapter-faceid", request, api.FluxIpAdapterFaceIdAsync, static d => new GeneratedImage(d), cancellationToken);
    }
}
