namespace Modal.Client;

/// <summary>
/// The one entry point to every Modal endpoint, grouped by family. Get it from dependency injection after
/// <c>services.AddModalClient(...)</c>. Each family method takes its own request record and returns a typed result.
/// </summary>
public interface IModalClient
{
    /// <summary>Flux text-to-image: /flux, /flux-dev, /flux-dev-lora.</summary>
    IFluxClient Flux { get; }

    /// <summary>SDXL text-to-image: /sdxl-turbo, /sdxl-lightning.</summary>
    ISdxlClient Sdxl { get; }

    /// <summary>Qwen-Image text-to-image: /qwen-image-2512, /qwen-image-2512-fast, /qwen-image-2512-lora.</summary>
    IQwenClient Qwen { get; }

    /// <summary>Z-Image text-to-image: /z-image-simple, /z-image-danrisi, /z-image-lora.</summary>
    IZImageClient ZImage { get; }

    /// <summary>Face consistency: /sdxl-instantid, /flux-pulid, /flux-ipadapter-faceid.</summary>
    IFaceClient Face { get; }

    /// <summary>Video: /wan2.6, /wan2.6-r2v, /wan2.6-lora, /video-faceswap.</summary>
    IVideoClient Video { get; }

    /// <summary>Editing: /qwen-image-edit-2511, /qwen-image-inpaint-2511.</summary>
    IEditClient Edit { get; }

    /// <summary>Upscaling: /seedvr2.</summary>
    IUpscaleClient Upscale { get; }

    /// <summary>Probes one app's <c>GET /health</c> within <see cref="ModalClientOptions.HealthCheckTimeout"/>.</summary>
    /// <param name="app">The app to probe.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The app's health; a failure to answer is reported, not thrown.</returns>
    /// <remarks>
    /// A probe of a cold app starts its container (ComfyUI launch), which Modal bills for as long as the container stays
    /// up (about 5 idle minutes). Probe sparingly.
    /// </remarks>
    Task<ModalAppHealth> CheckHealthAsync(ModalApp app, CancellationToken cancellationToken = default);

    /// <summary>Probes every app at once.</summary>
    /// <param name="cancellationToken">Cancels the probes.</param>
    /// <returns>One entry per app, in <see cref="ModalApp.All"/> order.</returns>
    Task<IReadOnlyList<ModalAppHealth>> CheckHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts an app's container before a batch, so that the first paid call does not pay the cold start (1 to 3 minutes,
    /// up to 5 after a deploy). It calls <c>GET /health</c> and waits up to <see cref="ModalClientOptions.WarmUpTimeout"/>;
    /// nothing is generated. The container then stays warm for about 5 idle minutes, billed by Modal.
    /// </summary>
    /// <param name="app">The app to warm up.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The app's health once it answered (or why it did not).</returns>
    Task<ModalAppHealth> WarmUpAsync(ModalApp app, CancellationToken cancellationToken = default);
}
