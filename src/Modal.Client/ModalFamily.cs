namespace Modal.Client;

/// <summary>The endpoint families, as <see cref="IModalClient"/> groups them.</summary>
public enum ModalFamily
{
    /// <summary>Flux text-to-image (/flux, /flux-dev, /flux-dev-lora).</summary>
    Flux,

    /// <summary>SDXL text-to-image (/sdxl-turbo, /sdxl-lightning).</summary>
    Sdxl,

    /// <summary>Qwen-Image text-to-image (/qwen-image-2512, -fast, -lora).</summary>
    Qwen,

    /// <summary>Z-Image text-to-image (/z-image-simple, -danrisi, -lora).</summary>
    ZImage,

    /// <summary>Face consistency from a reference image (/sdxl-instantid, /flux-pulid, /flux-ipadapter-faceid).</summary>
    Face,

    /// <summary>Video generation and video face swap (/wan2.6, /wan2.6-r2v, /wan2.6-lora, /video-faceswap).</summary>
    Video,

    /// <summary>Image editing (/qwen-image-edit-2511, /qwen-image-inpaint-2511).</summary>
    Edit,

    /// <summary>Upscaling (/seedvr2).</summary>
    Upscale,
}
