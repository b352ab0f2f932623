namespace Modal.Client;

/// <summary>SDXL text-to-image on the ryla-instantid app.</summary>
/// <remarks>
/// Both endpoints are <see cref="ModalEndpointStatus.Undeployed"/>: the reference deployment deleted their routes, so a
/// call to it answers 404 Not Found and throws <see cref="ModalEndpointNotDeployedException"/> (nothing is billed; its
/// <see cref="ModalEndpointNotDeployedException.Alternative"/> names /z-image-danrisi). The methods stay for deployments
/// that still serve the routes. The selector skips them unless asked.
/// </remarks>
public interface ISdxlClient
{
    /// <summary>Calls <c>POST /sdxl-turbo</c>: SDXL Turbo text-to-image (~45 s, ~$0.024).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalEndpointNotDeployedException">The app does not serve the route (the reference deployment).</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> TurboAsync(SdxlTurboRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /sdxl-lightning</c>: SDXL Lightning 4-step text-to-image (~66 s, ~$0.036).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalEndpointNotDeployedException">The app does not serve the route (the reference deployment).</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> LightningAsync(SdxlLightningRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
