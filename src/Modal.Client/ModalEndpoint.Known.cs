namespace Modal.Client;

public sealed partial class ModalEndpoint
{
    /// <summary>The <c>/flux</c> endpoint.</summary>
    public static ModalEndpoint FluxSchnell => ModalCatalog.Get(ModalEndpointPaths.FluxSchnell);

    /// <summary>The <c>/flux-dev</c> endpoint.</summary>
    public static ModalEndpoint FluxDev => ModalCatalog.Get(ModalEndpointPaths.FluxDev);

    /// <summary>The <c>/flux-dev-lora</c> endpoint.</summary>
    public static ModalEndpoint FluxDevLora => ModalCatalog.Get(ModalEndpointPaths.FluxDevLora);

    /// <summary>The <c>/sdxl-turbo</c> endpoint.</summary>
    public static ModalEndpoint SdxlTurbo => ModalCatalog.Get(ModalEndpointPaths.SdxlTurbo);

    /// <summary>The <c>/sdxl-lightning</c> endpoint.</summary>
    public static ModalEndpoint SdxlLightning => ModalCatalog.Get(ModalEndpointPaths.SdxlLightning);

    /// <summary>The <c>/qwen-image-2512</c> endpoint.</summary>
    public static ModalEndpoint QwenImage2512 => ModalCatalog.Get(ModalEndpointPaths.QwenImage2512);

    /// <summary>The <c>/qwen-image-2512-fast</c> endpoint.</summary>
    public static ModalEndpoint QwenImage2512Fast => ModalCatalog.Get(ModalEndpointPaths.QwenImage2512Fast);

    /// <summary>The <c>/qwen-image-2512-lora</c> endpoint.</summary>
    public static ModalEndpoint QwenImage2512Lora => ModalCatalog.Get(ModalEndpointPaths.QwenImage2512Lora);

    /// <summary>The <c>/z-image-simple</c> endpoint.</summary>
    public static ModalEndpoint ZImageSimple => ModalCatalog.Get(ModalEndpointPaths.ZImageSimple);

    /// <summary>The <c>/z-image-danrisi</c> endpoint.</summary>
    public static ModalEndpoint ZImageDanrisi => ModalCatalog.Get(ModalEndpointPaths.ZImageDanrisi);

    /// <summary>The <c>/z-image-lora</c> endpoint.</summary>
    public static ModalEndpoint ZImageLora => ModalCatalog.Get(ModalEndpointPaths.ZImageLora);

    /// <summary>The <c>/sdxl-instantid</c> endpoint.</summary>
    public static ModalEndpoint SdxlInstantId => ModalCatalog.Get(ModalEndpointPaths.SdxlInstantId);

    /// <summary>The <c>/flux-pulid</c> endpoint.</summary>
    public static ModalEndpoint FluxPulid => ModalCatalog.Get(ModalEndpointPaths.FluxPulid);

    /// <summary>The <c>/flux-ipadapter-faceid</c> endpoint.</summary>
    public static ModalEndpoint FluxIpAdapterFaceId => ModalCatalog.Get(ModalEndpointPaths.FluxIpAdapterFaceId);

    /// <summary>The <c>/wan2.6</c> endpoint.</summary>
    public static ModalEndpoint Wan26 => ModalCatalog.Get(ModalEndpointPaths.Wan26);

    /// <summary>The <c>/wan2.6-r2v</c> endpoint.</summary>
    public static ModalEndpoint Wan26R2V => ModalCatalog.Get(ModalEndpointPaths.Wan26R2V);

    /// <summary>The <c>/wan2.6-lora</c> endpoint.</summary>
    public static ModalEndpoint Wan26Lora => ModalCatalog.Get(ModalEndpointPaths.Wan26Lora);

    /// <summary>The <c>/video-faceswap</c> endpoint.</summary>
    public static ModalEndpoint VideoFaceSwap => ModalCatalog.Get(ModalEndpointPaths.VideoFaceSwap);

    /// <summary>The <c>/seedvr2</c> endpoint.</summary>
    public static ModalEndpoint SeedVr2 => ModalCatalog.Get(ModalEndpointPaths.SeedVr2);

    /// <summary>The <c>/qwen-image-edit-2511</c> endpoint.</summary>
    public static ModalEndpoint QwenImageEdit => ModalCatalog.Get(ModalEndpointPaths.QwenImageEdit);

    /// <summary>The <c>/qwen-image-inpaint-2511</c> endpoint.</summary>
    public static ModalEndpoint QwenImageInpaint => ModalCatalog.Get(ModalEndpointPaths.QwenImageInpaint);

    /// <summary>The <c>/wan2</c> endpoint.</summary>
    public static ModalEndpoint Wan2 => ModalCatalog.Get(ModalEndpointPaths.Wan2);

    /// <summary>The <c>/flux-instantid</c> endpoint.</summary>
    public static ModalEndpoint FluxInstantId => ModalCatalog.Get(ModalEndpointPaths.FluxInstantId);

    /// <summary>The <c>/z-image-instantid</c> endpoint.</summary>
    public static ModalEndpoint ZImageInstantId => ModalCatalog.Get(ModalEndpointPaths.ZImageInstantId);

    /// <summary>The <c>/z-image-pulid</c> endpoint.</summary>
    public static ModalEndpoint ZImagePulid => ModalCatalog.Get(ModalEndpointPaths.ZImagePulid);

    /// <summary>The <c>/flux2-klein</c> endpoint.</summary>
    public static ModalEndpoint Flux2Klein => ModalCatalog.Get(ModalEndpointPaths.Flux2Klein);

    /// <summary>The <c>/flux2-pro</c> endpoint.</summary>
    public static ModalEndpoint Flux2Pro => ModalCatalog.Get(ModalEndpointPaths.Flux2Pro);
}
