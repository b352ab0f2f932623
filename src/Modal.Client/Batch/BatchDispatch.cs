namespace Modal.Client.Internal;

/// <summary>
/// The one place that maps a request record to its endpoint and family method: every batch item is dispatched here.
/// </summary>
internal static class BatchDispatch
{
    /// <summary>The endpoint of a request record, and the call that sends it.</summary>
    /// <exception cref="ArgumentException">The object is not one of the 21 request records.</exception>
    public static (ModalEndpoint Endpoint, Func<IModalClient, ModalCallOptions?, CancellationToken, Task<GeneratedMedia>> Call) For(object request) => request switch
    {
        FluxSchnellRequest r => (ModalEndpoint.FluxSchnell, async (c, o, ct) => await c.Flux.SchnellAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        FluxDevRequest r => (ModalEndpoint.FluxDev, async (c, o, ct) => await c.Flux.DevAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        FluxDevLoraRequest r => (ModalEndpoint.FluxDevLora, async (c, o, ct) => await c.Flux.DevLoraAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        SdxlTurboRequest r => (ModalEndpoint.SdxlTurbo, async (c, o, ct) => await c.Sdxl.TurboAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        SdxlLightningRequest r => (ModalEndpoint.SdxlLightning, async (c, o, ct) => await c.Sdxl.LightningAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        QwenImage2512Request r => (ModalEndpoint.QwenImage2512, async (c, o, ct) => await c.Qwen.Image2512Async(r, o, cancellationToken: ct).ConfigureAwait(false)),
        QwenImage2512FastRequest r => (ModalEndpoint.QwenImage2512Fast, async (c, o, ct) => await c.Qwen.Image2512FastAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        QwenImage2512LoraRequest r => (ModalEndpoint.QwenImage2512Lora, async (c, o, ct) => await c.Qwen.Image2512LoraAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        ZImageSimpleRequest r => (ModalEndpoint.ZImageSimple, async (c, o, ct) => await c.ZImage.SimpleAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        ZImageDanrisiRequest r => (ModalEndpoint.ZImageDanrisi, async (c, o, ct) => await c.ZImage.DanrisiAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        ZImageLoraRequest r => (ModalEndpoint.ZImageLora, async (c, o, ct) => await c.ZImage.LoraAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        SdxlInstantIdRequest r => (ModalEndpoint.SdxlInstantId, async (c, o, ct) => await c.Face.SdxlInstantIdAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        FluxPulidRequest r => (ModalEndpoint.FluxPulid, async (c, o, ct) => await c.Face.FluxPulidAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        FluxIpAdapterFaceIdRequest r => (ModalEndpoint.FluxIpAdapterFaceId, async (c, o, ct) => await c.Face.FluxIpAdapterFaceIdAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        Wan26Request r => (ModalEndpoint.Wan26, async (c, o, ct) => await c.Video.Wan26Async(r, o, cancellationToken: ct).ConfigureAwait(false)),
        Wan26R2VRequest r => (ModalEndpoint.Wan26R2V, async (c, o, ct) => await c.Video.Wan26R2VAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        Wan26LoraRequest r => (ModalEndpoint.Wan26Lora, async (c, o, ct) => await c.Video.Wan26LoraAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        VideoFaceSwapRequest r => (ModalEndpoint.VideoFaceSwap, async (c, o, ct) => await c.Video.FaceSwapAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        SeedVr2Request r => (ModalEndpoint.SeedVr2, async (c, o, ct) => await c.Upscale.SeedVr2Async(r, o, cancellationToken: ct).ConfigureAwait(false)),
        QwenImageEditRequest r => (ModalEndpoint.QwenImageEdit, async (c, o, ct) => await c.Edit.QwenImageEditAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        QwenImageInpaintRequest r => (ModalEndpoint.QwenImageInpaint, async (c, o, ct) => await c.Edit.QwenImageInpaintAsync(r, o, cancellationToken: ct).ConfigureAwait(false)),
        null => throw new ArgumentNullException(nameof(request)),
        _ => throw new ArgumentException(
            $"A batch item's request must be one of the 21 request records (FluxSchnellRequest, FluxDevRequest, ... QwenImageInpaintRequest), not {request.GetType().Name}.",
            nameof(request)),
    };

    /// <summary>Checks a request as its family method does before sending it.</summary>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    public static void Validate(object request)
    {
        switch (request)
        {
            case FluxSchnellRequest r: FluxValidator.Validate(r); break;
            case FluxDevRequest r: FluxValidator.Validate(r); break;
            case FluxDevLoraRequest r: FluxValidator.Validate(r); break;
            case SdxlTurboRequest r: SdxlValidator.Validate(r); break;
            case SdxlLightningRequest r: SdxlValidator.Validate(r); break;
            case QwenImage2512Request r: QwenValidator.Validate(r); break;
            case QwenImage2512FastRequest r: QwenValidator.Validate(r); break;
            case QwenImage2512LoraRequest r: QwenValidator.Validate(r); break;
            case ZImageSimpleRequest r: ZImageValidator.Validate(r); break;
            case ZImageDanrisiRequest r: ZImageValidator.Validate(r); break;
            case ZImageLoraRequest r: ZImageValidator.Validate(r); break;
            case SdxlInstantIdRequest r: FaceValidator.Validate(r); break;
            case FluxPulidRequest r: FaceValidator.Validate(r); break;
            case FluxIpAdapterFaceIdRequest r: FaceValidator.Validate(r); break;
            case Wan26Request r: VideoValidator.Validate(r); break;
            case Wan26R2VRequest r: VideoValidator.Validate(r); break;
            case Wan26LoraRequest r: VideoValidator.Validate(r); break;
            case VideoFaceSwapRequest r: VideoValidator.Validate(r); break;
            case SeedVr2Request r: UpscaleValidator.Validate(r); break;
            case QwenImageEditRequest r: EditValidator.Validate(r); break;
            case QwenImageInpaintRequest r: EditValidator.Validate(r); break;
            default: For(request); break;
        }
    }

    /// <summary>The seed the request asks for, when it has one.</summary>
    public static long? SeedOf(object? request) => request is ISeededRequest<object> seeded ? seeded.Seed : null;
}
