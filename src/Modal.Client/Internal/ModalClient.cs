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
    IUpscaleClient upscale) : IModalClient
{
    public IFluxClient Flux { get; } = flux;

    public ISdxlClient Sdxl { get; } = sdxl;

    public IQwenClient Qwen { get; } = qwen;

    public IZImageClient ZImage { get; } = zImage;

    public IFaceClient Face { get; } = face;

    public IVideoClient Video { get; } = video;

    public IEditClient Edit { get; } = edit;

    public IUpscaleClient Upscale { get; } = upscale;
}
