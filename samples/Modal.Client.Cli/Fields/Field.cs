namespace Modal.Client.Cli.Fields;

/// <summary>Every request field of the 21 endpoints, once. Endpoints pick from these (see <c>EndpointTable</c>).</summary>
internal static class Field
{
    private const string ServerDefault = " Unset: the server's default.";

    // ---- Text to image -------------------------------------------------------------------------------------------
    public static readonly FieldSpec Prompt = new("prompt", "Prompt", FieldKind.Text, "The prompt: what to generate.");
    public static readonly FieldSpec NegativePrompt = new("negative_prompt", "NegativePrompt", FieldKind.Text, "What to avoid." + ServerDefault);
    public static readonly FieldSpec Width = new("width", "Width", FieldKind.Integer, "Output width in pixels (64-4096)." + ServerDefault);
    public static readonly FieldSpec Height = new("height", "Height", FieldKind.Integer, "Output height in pixels (64-4096)." + ServerDefault);
    public static readonly FieldSpec Steps = new("steps", "Steps", FieldKind.Integer, "Sampling steps." + ServerDefault);
    public static readonly FieldSpec Cfg = new("cfg", "Cfg", FieldKind.Number, "Classifier-free guidance (KSampler CFG)." + ServerDefault);
    public static readonly FieldSpec Seed = new("seed", "Seed", FieldKind.Seed, "The seed (0 or more). Unset: a random seed, printed with the result.");
    public static readonly FieldSpec AspectRatio = new(
        "aspect_ratio", "AspectRatio", FieldKind.AspectRatio, "1:1, 16:9, 9:16, 4:3, 3:4, 3:2 or 2:3; sets the size, so not with --width/--height (the server lets the ratio win)." + ServerDefault);
    public static readonly FieldSpec UseLightningLora = new(
        "use_lightning_lora", "UseLightningLora", FieldKind.Flag, "Use the Lightning LoRA (--use-lightning-lora, or --use-lightning-lora false)." + ServerDefault);
    public static readonly FieldSpec Nsfw = new("nsfw", "Nsfw", FieldKind.Flag, "Allow NSFW output (--nsfw, or --nsfw false)." + ServerDefault);

    // ---- LoRA ----------------------------------------------------------------------------------------------------
    public static readonly FieldSpec LoraId = new(
        "lora_id", "Lora", FieldKind.LoraId, "The character LoRA by id (the server derives the file name). Give this or --lora-name.");
    public static readonly FieldSpec LoraName = new(
        "lora_name", "Lora", FieldKind.LoraName, "The LoRA by file name, with or without .safetensors (e.g. flux-character-abc). Give this or --lora-id.");
    public static readonly FieldSpec LoraStrength = new("lora_strength", "LoraStrength", FieldKind.Number, "LoRA strength (-5 to 5)." + ServerDefault);
    public static readonly FieldSpec TriggerWord = new("trigger_word", "TriggerWord", FieldKind.Text, "The LoRA's trigger word." + ServerDefault);

    // ---- Face consistency ----------------------------------------------------------------------------------------
    public static readonly FieldSpec ReferenceImage = new(
        "reference_image", "ReferenceImage", FieldKind.MediaFile, "The face image file (PNG, JPEG, WebP or GIF).", Required: true);
    public static readonly FieldSpec SdxlCheckpoint = new(
        "sdxl_checkpoint", "SdxlCheckpoint", FieldKind.Checkpoint,
        "sdxl-base, realvisxl, juggernaut, or a checkpoint file name such as RealVisXL_V4.0.safetensors." + ServerDefault);
    public static readonly FieldSpec InstantIdStrength = new("instantid_strength", "InstantIdStrength", FieldKind.Number, "InstantID strength." + ServerDefault);
    public static readonly FieldSpec InstantIdFaceProvider = new(
        "face_provider", "FaceProvider", FieldKind.InstantIdFaceProvider, "InstantID face-analysis provider: CPU, CUDA, ROCM or CoreML." + ServerDefault);
    public static readonly FieldSpec IpAdapterFaceProvider = new(
        "face_provider", "FaceProvider", FieldKind.IpAdapterFaceProvider, "IP-Adapter loader provider: CPU or GPU." + ServerDefault);
    public static readonly FieldSpec Sampler = new(
        "sampler_name", "Sampler", FieldKind.Sampler, "KSampler sampler, e.g. euler, dpmpp_2m or another name ComfyUI lists." + ServerDefault);
    public static readonly FieldSpec Scheduler = new(
        "scheduler", "Scheduler", FieldKind.Scheduler, "KSampler scheduler: normal, karras, exponential, sgm_uniform, simple, ddim_uniform, beta, linear_quadratic or kl_optimal." + ServerDefault);
    public static readonly FieldSpec PulidWeight = new("pulid_weight", "PulidWeight", FieldKind.Number, "PuLID weight." + ServerDefault);
    public static readonly FieldSpec StartAt = new("start_at", "StartAt", FieldKind.Number, "Where PuLID starts (0-1)." + ServerDefault);
    public static readonly FieldSpec EndAt = new("end_at", "EndAt", FieldKind.Number, "Where PuLID ends (0-1)." + ServerDefault);
    public static readonly FieldSpec Guidance = new("guidance", "Guidance", FieldKind.Number, "Flux guidance." + ServerDefault);
    public static readonly FieldSpec IpAdapterStrength = new("ipadapter_strength", "IpAdapterStrength", FieldKind.Number, "IP-Adapter strength (0-1)." + ServerDefault);
    public static readonly FieldSpec GuidanceScale = new(
        "guidance_scale", "Cfg", FieldKind.Number, "True CFG of the XLabs sampler (0-30)." + ServerDefault);
    public static readonly FieldSpec TimestepToStartCfg = new(
        "timestep_to_start_cfg", "TimestepToStartCfg", FieldKind.Integer, "Step at which CFG starts (0-100)." + ServerDefault);

    // ---- Video ---------------------------------------------------------------------------------------------------
    public static readonly FieldSpec FrameCount = new("length", "FrameCount", FieldKind.Integer, "Number of frames." + ServerDefault);
    public static readonly FieldSpec Fps = new("fps", "Fps", FieldKind.Integer, "Frames per second." + ServerDefault);
    public static readonly FieldSpec ReferenceVideos = new(
        "reference_videos", "ReferenceVideos", FieldKind.MediaFiles, "A reference video file (MP4 or WebM); repeat the option for up to 3.", Required: true);
    public static readonly FieldSpec SourceVideo = new(
        "source_video", "SourceVideo", FieldKind.MediaFile, "The video whose faces are replaced (MP4).", Required: true);
    public static readonly FieldSpec RestoreFace = new(
        "restore_face", "RestoreFace", FieldKind.Flag, "Restore faces with GFPGAN (--restore-face, or --restore-face false)." + ServerDefault);
    public static readonly FieldSpec FaceRestoreVisibility = new(
        "face_restore_visibility", "FaceRestoreVisibility", FieldKind.Number, "Visibility of the restored face (0.1-1)." + ServerDefault);
    public static readonly FieldSpec CodeformerWeight = new("codeformer_weight", "CodeformerWeight", FieldKind.Number, "CodeFormer weight (0-1)." + ServerDefault);

    // ---- Upscale and edit ----------------------------------------------------------------------------------------
    public static readonly FieldSpec UpscaleImage = new("image", "SourceImage", FieldKind.MediaFile, "The image file to upscale.", Required: true);
    public static readonly FieldSpec Resolution = new("resolution", "Resolution", FieldKind.Integer, "Target short side in pixels (16-16384)." + ServerDefault);
    public static readonly FieldSpec MaxResolution = new(
        "max_resolution", "MaxResolution", FieldKind.Integer, "Maximum edge in pixels (0-16384; 0 = no limit)." + ServerDefault);
    public static readonly FieldSpec SourceImage = new("source_image", "SourceImage", FieldKind.MediaFile, "The image file to edit.", Required: true);
    public static readonly FieldSpec MaskImage = new("mask_image", "MaskImage", FieldKind.MediaFile, "The mask image file (white = repaint).", Required: true);
    public static readonly FieldSpec Instruction = new("instruction", "Instruction", FieldKind.Text, "The edit instruction, e.g. \"make it night\".", Required: true);
    public static readonly FieldSpec Denoise = new("denoise", "Denoise", FieldKind.Number, "Denoise strength (0-1)." + ServerDefault);
}
