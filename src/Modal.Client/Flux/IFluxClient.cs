namespace Modal.Client;

/// <summary>Flux text-to-image on the ryla-flux app.</summary>
public interface IFluxClient
{
    /// <summary>Calls <c>POST /flux</c>: Flux Schnell text-to-image (4 steps; ~29 s, ~$0.016).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> SchnellAsync(FluxSchnellRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /flux-dev</c>: Flux Dev text-to-image (20 steps; ~37 s, ~$0.020).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> DevAsync(FluxDevRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /flux-dev-lora</c>: Flux Dev with a character LoRA (~60 s, ~$0.033).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> DevLoraAsync(FluxDevLoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
