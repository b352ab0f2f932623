using Microsoft.Extensions.DependencyInjection;

namespace Modal.Client.Internal;

/// <summary>
/// The facade: one property per family. Each family client (with its Refit surface, named <see cref="HttpClient"/> and
/// resilience pipeline) is resolved on first use, so a process that calls one family builds one family's pipeline.
/// </summary>
internal sealed class ModalClient(
    IServiceProvider services,
    ModalHealthProbe probe,
    Microsoft.Extensions.Options.IOptionsMonitor<ModalClientOptions> options) : IModalClient
{
    private IFluxClient? _flux;
    private ISdxlClient? _sdxl;
    private IQwenClient? _qwen;
    private IZImageClient? _zImage;
    private IFaceClient? _face;
    private IVideoClient? _video;
    private IEditClient? _edit;
    private IUpscaleClient? _upscale;

    public IFluxClient Flux => _flux ?? Resolve(ref _flux);

    public ISdxlClient Sdxl => _sdxl ?? Resolve(ref _sdxl);

    public IQwenClient Qwen => _qwen ?? Resolve(ref _qwen);

    public IZImageClient ZImage => _zImage ?? Resolve(ref _zImage);

    public IFaceClient Face => _face ?? Resolve(ref _face);

    public IVideoClient Video => _video ?? Resolve(ref _video);

    public IEditClient Edit => _edit ?? Resolve(ref _edit);

    public IUpscaleClient Upscale => _upscale ?? Resolve(ref _upscale);

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

    /// <summary>Resolves a family client once; a racing first use keeps the first one stored.</summary>
    private T Resolve<T>(ref T? field)
        where T : class
    {
        var client = services.GetRequiredService<T>();
        return Interlocked.CompareExchange(ref field, client, null) ?? client;
    }
}
