namespace Modal.Client;

/// <summary>Upscaling on the ryla-seedvr2 app.</summary>
public interface IUpscaleClient
{
    /// <summary>Calls <c>POST /seedvr2</c>: SeedVR2 upscaling to a real PNG (~208 s, ~$0.113).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> SeedVr2Async(SeedVr2Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
