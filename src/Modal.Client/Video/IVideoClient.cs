namespace Modal.Client;

/// <summary>Video generation (ryla-wan26) and video face swap (ryla-qwen-image).</summary>
public interface IVideoClient
{
    /// <summary>Calls <c>POST /wan2.6</c>: Wan 2.6 text-to-video, an animated WebP (~29 s, ~$0.016).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The video, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedVideo> Wan26Async(Wan26Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /wan2.6-r2v</c>: Wan 2.6 reference-to-video, an animated WebP (experimental, never benchmarked).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The video, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedVideo> Wan26R2VAsync(Wan26R2VRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /wan2.6-lora</c>: Wan 2.6 text-to-video with a character LoRA, an animated WebP (~47 s, ~$0.025).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The video, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedVideo> Wan26LoraAsync(Wan26LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /video-faceswap</c>: ReActor face swap over a video, an MP4 (~85 s, ~$0.046).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The video, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedVideo> FaceSwapAsync(VideoFaceSwapRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
