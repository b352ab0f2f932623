namespace Modal.Client;

/// <summary>
/// The route of every endpoint of the inventory, as constants: the one place each path is written. The Refit
/// interfaces, the catalog, the selector, the sample CLI and <c>Modal.Client.Testing</c> all read them. In code that calls
/// the SDK, prefer the typed values (<see cref="ModalEndpoint.FluxSchnell"/> and its siblings).
/// </summary>
public static class ModalEndpointPaths
{
    /// <summary><c>/flux</c>: Flux Schnell text-to-image.</summary>
    public const string FluxSchnell = "/flux";

    /// <summary><c>/flux-dev</c>: Flux Dev text-to-image.</summary>
    public const string FluxDev = "/flux-dev";

    /// <summary><c>/flux-dev-lora</c>: Flux Dev with a character LoRA.</summary>
    public const string FluxDevLora = "/flux-dev-lora";

    /// <summary><c>/sdxl-turbo</c>: SDXL Turbo text-to-image (not served by the reference deployment).</summary>
    public const string SdxlTurbo = "/sdxl-turbo";

    /// <summary><c>/sdxl-lightning</c>: SDXL Lightning text-to-image (not served by the reference deployment).</summary>
    public const string SdxlLightning = "/sdxl-lightning";

    /// <summary><c>/qwen-image-2512</c>: Qwen-Image 2512, high quality.</summary>
    public const string QwenImage2512 = "/qwen-image-2512";

    /// <summary><c>/qwen-image-2512-fast</c>: Qwen-Image 2512 with the Lightning LoRA (4 steps).</summary>
    public const string QwenImage2512Fast = "/qwen-image-2512-fast";

    /// <summary><c>/qwen-image-2512-lora</c>: Qwen-Image 2512 with a character LoRA.</summary>
    public const string QwenImage2512Lora = "/qwen-image-2512-lora";

    /// <summary><c>/z-image-simple</c>: Z-Image-Turbo text-to-image.</summary>
    public const string ZImageSimple = "/z-image-simple";

    /// <summary><c>/z-image-danrisi</c>: Z-Image-Turbo with the Danrisi settings.</summary>
    public const string ZImageDanrisi = "/z-image-danrisi";

    /// <summary><c>/z-image-lora</c>: Z-Image-Turbo with a LoRA.</summary>
    public const string ZImageLora = "/z-image-lora";

    /// <summary><c>/sdxl-instantid</c>: SDXL with InstantID face consistency.</summary>
    public const string SdxlInstantId = "/sdxl-instantid";

    /// <summary><c>/flux-pulid</c>: Flux Dev with PuLID face consistency.</summary>
    public const string FluxPulid = "/flux-pulid";

    /// <summary><c>/flux-ipadapter-faceid</c>: Flux Dev with the XLabs IP-Adapter FaceID.</summary>
    public const string FluxIpAdapterFaceId = "/flux-ipadapter-faceid";

    /// <summary><c>/wan2.6</c>: Wan 2.6 text-to-video.</summary>
    public const string Wan26 = "/wan2.6";

    /// <summary><c>/wan2.6-r2v</c>: Wan 2.6 reference-to-video.</summary>
    public const string Wan26R2V = "/wan2.6-r2v";

    /// <summary><c>/wan2.6-lora</c>: Wan 2.6 text-to-video with a character LoRA.</summary>
    public const string Wan26Lora = "/wan2.6-lora";

    /// <summary><c>/video-faceswap</c>: ReActor face swap over a video.</summary>
    public const string VideoFaceSwap = "/video-faceswap";

    /// <summary><c>/seedvr2</c>: SeedVR2 upscaling.</summary>
    public const string SeedVr2 = "/seedvr2";

    /// <summary><c>/qwen-image-edit-2511</c>: Qwen-Image edit by instruction.</summary>
    public const string QwenImageEdit = "/qwen-image-edit-2511";

    /// <summary><c>/qwen-image-inpaint-2511</c>: Qwen-Image mask inpaint.</summary>
    public const string QwenImageInpaint = "/qwen-image-inpaint-2511";

    /// <summary><c>/wan2</c>: removed (Wan 2.1).</summary>
    public const string Wan2 = "/wan2";

    /// <summary><c>/flux-instantid</c>: removed.</summary>
    public const string FluxInstantId = "/flux-instantid";

    /// <summary><c>/z-image-instantid</c>: removed.</summary>
    public const string ZImageInstantId = "/z-image-instantid";

    /// <summary><c>/z-image-pulid</c>: removed.</summary>
    public const string ZImagePulid = "/z-image-pulid";

    /// <summary><c>/flux2-klein</c>: future.</summary>
    public const string Flux2Klein = "/flux2-klein";

    /// <summary><c>/flux2-pro</c>: future.</summary>
    public const string Flux2Pro = "/flux2-pro";
}
