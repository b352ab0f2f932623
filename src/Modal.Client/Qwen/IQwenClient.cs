namespace Modal.Client;

/// <summary>Qwen-Image 2512 text-to-image on the ryla-qwen-image app.</summary>
public interface IQwenClient
{
    /// <summary>Calls <c>POST /qwen-image-2512</c>: Qwen-Image 2512, high quality (50 steps; ~103 s, ~$0.056).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> Image2512Async(QwenImage2512Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /qwen-image-2512-fast</c>: Qwen-Image 2512 with the Lightning LoRA (4 steps; ~73 s, ~$0.040).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> Image2512FastAsync(QwenImage2512FastRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /qwen-image-2512-lora</c>: Qwen-Image 2512 with a character LoRA (~143 s, ~$0.078).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> Image2512LoraAsync(QwenImage2512LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
