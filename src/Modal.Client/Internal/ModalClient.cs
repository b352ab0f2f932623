namespace Modal.Client.Internal;

/// <summary>The facade: one property per family.</summary>
internal sealed class ModalClient(
    IFluxClient flux,
    ISdxlClient sdxl,
    IQwenClient qwen,
    IZImageClient zImage,
    IFaceClient face,
    IVideoClient video,
    IEditClient edit,
    IUpscaleClient upscale,
    ModalHealthProbe probe,
    Microsoft.Extensions.Options.IOptionsMonitor<ModalClientOptions> options) : IModalClient
{
    public IFluxClient Flux { get; } = flux;

    public ISdxlClient Sdxl { get; } = sdxl;

    public IQwenClient Qwen { get; } = qwen;

    public IZImageClient ZImage { get; } = zImage;

    public IFaceClient Face { get; } = face;

    public IVideoClient Video { get; } = video;

    public IEditClient Edit { get; } = edit;

    public IUpscaleClient Upscale { get; } = upscale;

    public Task<ModalAppHealth> CheckHealthAsync(ModalApp app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return probe.ProbeAsync(app, options.CurrentValue.HealthCheckTimeout, cancellationToken);
    }

    public async Task<IReadOnlyList<ModalAppHealth>> CheckHealthAsync(CancellationToken cancellationToken = default)
        => await Task.WhenAll(ModalApp.All.Select(app => CheckHealthAsync(app, cancellationToken))).ConfigureAwait(false);

    public Task<ModalAppHealth> WarmUpAsync(ModalApp app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return probe.ProbeAsync(app, options.CurrentValue.WarmUpTimeout, cancellationToken);
    }
}
