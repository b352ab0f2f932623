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
}
