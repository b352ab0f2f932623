namespace Modal.Client;

/// <summary>
/// Runs what the inventory's rankings and use cases pick, with an opt-in fallback to the alternative. Get it from
/// dependency injection; substitute it in tests of code that uses it.
/// </summary>
public interface IModelSelector
{
    /// <summary>Runs a text-to-image prompt on a chosen endpoint, with an opt-in fallback to its use case's alternative.</summary>
    /// <param name="prompt">The prompt and size.</param>
    /// <param name="endpoint">A text-to-image endpoint without a LoRA, for example <see cref="ModalEndpoint.FluxDev"/>.</param>
    /// <param name="fallback">
    /// When the endpoint is not deployed (404 Not Found, or reported missing by discovery) or failed before any GPU work
    /// could have run, run the alternative the inventory names for it (for example /flux for /z-image-danrisi). Never
    /// after GPU work may have run: that would pay twice.
    /// </param>
    /// <param name="options">Per-call options, applied to whichever endpoint runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The image; <see cref="GeneratedMedia.Endpoint"/> says which endpoint produced it.</returns>
    /// <exception cref="ArgumentException">The endpoint is not a plain text-to-image endpoint.</exception>
    Task<GeneratedImage> GenerateImageAsync(
        TextToImagePrompt prompt, ModalEndpoint endpoint, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a text-to-image prompt on a use case's primary endpoint, with an opt-in fallback to its alternative.</summary>
    /// <param name="prompt">The prompt and size.</param>
    /// <param name="useCase"><see cref="ModalUseCase.FastPreview"/>, <see cref="ModalUseCase.QualityTextToImage"/> or <see cref="ModalUseCase.FastQuality"/>.</param>
    /// <param name="fallback">Run the alternative when the primary is not deployed or failed before any GPU work could have run.</param>
    /// <param name="options">Per-call options, applied to whichever endpoint runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The image.</returns>
    Task<GeneratedImage> GenerateImageAsync(
        TextToImagePrompt prompt, ModalUseCase useCase, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a face-consistency prompt on /sdxl-instantid, /flux-pulid or /flux-ipadapter-faceid, with an opt-in fallback.</summary>
    /// <param name="prompt">The reference face and prompt.</param>
    /// <param name="endpoint">A face endpoint; <see langword="null"/> for /sdxl-instantid, which falls back to /flux-pulid.</param>
    /// <param name="fallback">Run the alternative when the endpoint is not deployed or failed before any GPU work could have run.</param>
    /// <param name="options">Per-call options, applied to whichever endpoint runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The image.</returns>
    Task<GeneratedImage> GenerateFaceAsync(
        FacePrompt prompt, ModalEndpoint? endpoint = null, bool fallback = false, ModalCallOptions? options = null, CancellationToken cancellationToken = default);
}
