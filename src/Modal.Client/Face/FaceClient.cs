using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>The <see cref="IFaceClient"/> over the Refit <see cref="IFaceApi"/>.</summary>
internal sealed class FaceClient(IFaceApi api, ModalCallRunner runner) : IFaceClient
{
    public Task<GeneratedImage> SdxlInstantIdAsync(SdxlInstantIdRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.SdxlInstantId, request, options, api, static (a, r, c, t) => a.SdxlInstantIdAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> FluxPulidAsync(FluxPulidRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.FluxPulid, request, options, api, static (a, r, c, t) => a.FluxPulidAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }

    public Task<GeneratedImage> FluxIpAdapterFaceIdAsync(FluxIpAdapterFaceIdRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        FaceValidator.Validate(request);
        return runner.RunAsync(ModalEndpoint.FluxIpAdapterFaceId, request, options, api, static (a, r, c, t) => a.FluxIpAdapterFaceIdAsync(r, c, t), static d => new GeneratedImage(d), cancellationToken);
    }
}
