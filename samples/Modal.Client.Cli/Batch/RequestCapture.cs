namespace Modal.Client.Cli.Batch;

/// <summary>
/// An <see cref="IModalClient"/> that sends nothing: each generation method records its request. Running an endpoint's
/// <see cref="Endpoints.EndpointSpec.Call"/> against it turns the field values into the typed request, so the batch
/// reuses the subcommands' field table instead of a second mapping.
/// </summary>
internal sealed class RequestCapture : IModalClient, IFluxClient, ISdxlClient, IQwenClient, IZImageClient, IFaceClient, IVideoClient, IEditClient, IUpscaleClient
{
    public object? Request { get; private set; }

    public IFluxClient Flux => this;

    public ISdxlClient Sdxl => this;

    public IQwenClient Qwen => this;

    public IZImageClient ZImage => this;

    public IFaceClient Face => this;

    public IVideoClient Video => this;

    public IEditClient Edit => this;

    public IUpscaleClient Upscale => this;

    public Task<ModalAppHealth> CheckHealthAsync(ModalApp app, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ModalAppHealth>> CheckHealthAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ModalAppHealth> WarmUpAsync(ModalApp app, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<GeneratedImage> SchnellAsync(FluxSchnellRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> DevAsync(FluxDevRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> DevLoraAsync(FluxDevLoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> TurboAsync(SdxlTurboRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> LightningAsync(SdxlLightningRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> Image2512Async(QwenImage2512Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> Image2512FastAsync(QwenImage2512FastRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> Image2512LoraAsync(QwenImage2512LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> SimpleAsync(ZImageSimpleRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> DanrisiAsync(ZImageDanrisiRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> LoraAsync(ZImageLoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> SdxlInstantIdAsync(SdxlInstantIdRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> FluxPulidAsync(FluxPulidRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> FluxIpAdapterFaceIdAsync(FluxIpAdapterFaceIdRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedVideo> Wan26Async(Wan26Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Clip(request);

    public Task<GeneratedVideo> Wan26R2VAsync(Wan26R2VRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Clip(request);

    public Task<GeneratedVideo> Wan26LoraAsync(Wan26LoraRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Clip(request);

    public Task<GeneratedVideo> FaceSwapAsync(VideoFaceSwapRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Clip(request);

    public Task<GeneratedImage> SeedVr2Async(SeedVr2Request request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> QwenImageEditAsync(QwenImageEditRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    public Task<GeneratedImage> QwenImageInpaintAsync(QwenImageInpaintRequest request, ModalCallOptions? options = null, CancellationToken cancellationToken = default) => Image(request);

    private Task<GeneratedImage> Image(object request)
    {
        Request = request;
        return Task.FromResult<GeneratedImage>(null!);
    }

    private Task<GeneratedVideo> Clip(object request)
    {
        Request = request;
        return Task.FromResult<GeneratedVideo>(null!);
    }
}
