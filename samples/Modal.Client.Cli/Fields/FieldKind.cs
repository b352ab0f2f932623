namespace Modal.Client.Cli.Fields;

/// <summary>How a request field is typed on the command line.</summary>
internal enum FieldKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number (invariant culture: <c>0.8</c>).</summary>
    Number,

    /// <summary>A 64-bit seed.</summary>
    Seed,

    /// <summary><c>--flag</c> (true), <c>--flag false</c>; unset sends nothing.</summary>
    Flag,

    /// <summary>The path of one media file.</summary>
    MediaFile,

    /// <summary>The paths of several media files (repeat the option).</summary>
    MediaFiles,

    /// <summary>An <see cref="SdxlCheckpoint"/> by short or file name.</summary>
    Checkpoint,

    /// <summary>A <see cref="QwenAspectRatio"/> such as <c>16:9</c>.</summary>
    AspectRatio,

    /// <summary>An <see cref="InstantIdFaceProvider"/> name (CPU, CUDA, ROCM, CoreML).</summary>
    InstantIdFaceProvider,

    /// <summary>An <see cref="IpAdapterFaceProvider"/> name (CPU, GPU).</summary>
    IpAdapterFaceProvider,

    /// <summary>A <see cref="ComfySampler"/> name such as <c>dpmpp_2m</c>.</summary>
    Sampler,

    /// <summary>A <see cref="ComfyScheduler"/> name such as <c>karras</c>.</summary>
    Scheduler,

    /// <summary>A <see cref="LoraReference"/> by id.</summary>
    LoraId,

    /// <summary>A <see cref="LoraReference"/> by file name.</summary>
    LoraName,
}
