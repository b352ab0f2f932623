namespace Modal.Client;

/// <summary>Image editing on the ryla-qwen-image app.</summary>
public interface IEditClient
{
    /// <summary>Calls <c>POST /qwen-image-edit-2511</c>: Edits an image by instruction (~54 s, ~$0.029); the output keeps the source size.</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> QwenImageEditAsync(QwenImageEditRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>POST /qwen-image-inpaint-2511</c>: Repaints the masked area (white = replace), returning a real JPEG (~53 s, ~$0.029).</summary>
    /// <param name="request">The request; unset members take the server's defaults.</param>
    /// <param name="options">Per-call options (progress, time budget, retry opt-in, result file or stream); <see langword="null"/> for the client's defaults.</param>
    /// <param name="cancellationToken">Cancels the call (the GPU job may still run on Modal once sent).</param>
    /// <returns>The image, its real format, seed, duration and cost.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="ModalException">The call failed; the subtype says how, and whether GPU work may have run.</exception>
    Task<GeneratedImage> QwenImageInpaintAsync(QwenImageInpaintRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
