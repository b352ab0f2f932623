using Modal.Client.Cli.Fields;

namespace Modal.Client.Cli.Endpoints;

/// <summary>
/// The 21 endpoints as subcommands: per endpoint, the request fields it takes (exactly those of its request record)
/// and the SDK call that turns the option values into that record.
/// </summary>
internal static class EndpointTable
{
    private static readonly FieldSpec QwenPrompt = Field.Prompt.Describe("The prompt: what to generate. Unset: the server's default prompt.");

    public static IReadOnlyList<EndpointSpec> All { get; } =
    [
        // ---- Flux (ryla-flux) ------------------------------------------------------------------------------------
        new(ModalEndpointPaths.FluxSchnell, [Field.Prompt.AsRequired(), Field.NegativePrompt, Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed],
            async (modal, v, o, ct) => await modal.Flux.SchnellAsync(new FluxSchnellRequest
            {
                Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
            }, o, ct)),
        new(ModalEndpointPaths.FluxDev, [Field.Prompt.AsRequired(), Field.NegativePrompt, Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed],
            async (modal, v, o, ct) => await modal.Flux.DevAsync(new FluxDevRequest
            {
                Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
            }, o, ct)),
        new(ModalEndpointPaths.FluxDevLora,
            [Field.LoraId, Field.LoraName, Field.Prompt.AsRequired(), Field.LoraStrength, Field.TriggerWord, Field.NegativePrompt, Field.Width, Field.Height,
             Field.Steps, Field.Cfg, Field.Seed],
            async (modal, v, o, ct) => await modal.Flux.DevLoraAsync(new FluxDevLoraRequest
            {
                Lora = v.Lora(), Prompt = v.Text(Field.Prompt)!, LoraStrength = v.Number(Field.LoraStrength), TriggerWord = v.Text(Field.TriggerWord),
                NegativePrompt = v.Text(Field.NegativePrompt), Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
            }, o, ct)),

        // ---- SDXL (ryla-instantid) -------------------------------------------------------------------------------
        new(ModalEndpointPaths.SdxlTurbo, [Field.Prompt.AsRequired(), Field.NegativePrompt, Field.Width, Field.Height, Field.Steps, Field.Seed],
            async (modal, v, o, ct) => await modal.Sdxl.TurboAsync(new SdxlTurboRequest
            {
                Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Steps = v.Int(Field.Steps), Seed = v.Seed(),
            }, o, ct)),
        new(ModalEndpointPaths.SdxlLightning, [Field.Prompt.AsRequired(), Field.NegativePrompt, Field.Width, Field.Height, Field.Cfg, Field.Seed],
            async (modal, v, o, ct) => await modal.Sdxl.LightningAsync(new SdxlLightningRequest
            {
                Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
            }, o, ct)),

        // ---- Qwen-Image (ryla-qwen-image) ------------------------------------------------------------------------
        new(ModalEndpointPaths.QwenImage2512,
            [QwenPrompt, Field.AspectRatio, Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt, Field.UseLightningLora],
            async (modal, v, o, ct) => await modal.Qwen.Image2512Async(new QwenImage2512Request
            {
                Prompt = v.Text(Field.Prompt), AspectRatio = v.AspectRatio(), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
                UseLightningLora = v.Flag(Field.UseLightningLora),
            }, o, ct)),
        new(ModalEndpointPaths.QwenImage2512Fast,
            [QwenPrompt, Field.AspectRatio, Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.Qwen.Image2512FastAsync(new QwenImage2512FastRequest
            {
                Prompt = v.Text(Field.Prompt), AspectRatio = v.AspectRatio(), Width = v.Int(Field.Width), Height = v.Int(Field.Height),
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.QwenImage2512Lora,
            [Field.LoraId, Field.LoraName, QwenPrompt, Field.LoraStrength, Field.TriggerWord, Field.AspectRatio, Field.Width, Field.Height, Field.Steps,
             Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.Qwen.Image2512LoraAsync(new QwenImage2512LoraRequest
            {
                Lora = v.Lora(), Prompt = v.Text(Field.Prompt), LoraStrength = v.Number(Field.LoraStrength), TriggerWord = v.Text(Field.TriggerWord),
                AspectRatio = v.AspectRatio(), Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),

        // ---- Z-Image (ryla-z-image) ------------------------------------------------------------------------------
        new(ModalEndpointPaths.ZImageSimple, [Field.Prompt.AsRequired(), Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.ZImage.SimpleAsync(new ZImageSimpleRequest
            {
                Prompt = v.Text(Field.Prompt)!, Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.ZImageDanrisi, [Field.Prompt.AsRequired(), Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.ZImage.DanrisiAsync(new ZImageDanrisiRequest
            {
                Prompt = v.Text(Field.Prompt)!, Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.ZImageLora,
            [Field.LoraId, Field.LoraName, Field.Prompt.AsRequired(), Field.LoraStrength, Field.TriggerWord, Field.Width, Field.Height, Field.Steps,
             Field.Cfg, Field.Seed, Field.NegativePrompt, Field.Nsfw],
            async (modal, v, o, ct) => await modal.ZImage.LoraAsync(new ZImageLoraRequest
            {
                Lora = v.Lora(), Prompt = v.Text(Field.Prompt)!, LoraStrength = v.Number(Field.LoraStrength), TriggerWord = v.Text(Field.TriggerWord),
                Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
                NegativePrompt = v.Text(Field.NegativePrompt), Nsfw = v.Flag(Field.Nsfw),
            }, o, ct)),

        // ---- Face consistency (ryla-instantid) -------------------------------------------------------------------
        new(ModalEndpointPaths.SdxlInstantId,
            [Field.ReferenceImage, Field.Prompt.AsRequired(), Field.NegativePrompt, Field.SdxlCheckpoint, Field.InstantIdStrength, Field.InstantIdFaceProvider,
             Field.Width, Field.Height, Field.Steps, Field.Cfg, Field.Sampler, Field.Scheduler, Field.Seed],
            async (modal, v, o, ct) => await modal.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest
            {
                ReferenceImage = v.Media(Field.ReferenceImage), Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt),
                SdxlCheckpoint = v.Checkpoint(), InstantIdStrength = v.Number(Field.InstantIdStrength), FaceProvider = v.InstantIdFaceProvider(),
                Width = v.Int(Field.Width), Height = v.Int(Field.Height), Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg),
                Sampler = v.Sampler(), Scheduler = v.Scheduler(), Seed = v.Seed(),
            }, o, ct)),
        new(ModalEndpointPaths.FluxPulid,
            [Field.ReferenceImage, Field.Prompt.AsRequired(), Field.PulidWeight, Field.StartAt, Field.EndAt, Field.Guidance, Field.Width, Field.Height,
             Field.Steps, Field.Seed],
            async (modal, v, o, ct) => await modal.Face.FluxPulidAsync(new FluxPulidRequest
            {
                ReferenceImage = v.Media(Field.ReferenceImage), Prompt = v.Text(Field.Prompt)!, PulidWeight = v.Number(Field.PulidWeight),
                StartAt = v.Number(Field.StartAt), EndAt = v.Number(Field.EndAt), Guidance = v.Number(Field.Guidance), Width = v.Int(Field.Width),
                Height = v.Int(Field.Height), Steps = v.Int(Field.Steps), Seed = v.Seed(),
            }, o, ct)),
        new(ModalEndpointPaths.FluxIpAdapterFaceId,
            [Field.ReferenceImage, Field.Prompt.AsRequired(), Field.NegativePrompt, Field.IpAdapterStrength, Field.GuidanceScale, Field.TimestepToStartCfg,
             Field.IpAdapterFaceProvider, Field.Width, Field.Height, Field.Steps, Field.Seed],
            async (modal, v, o, ct) => await modal.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest
            {
                ReferenceImage = v.Media(Field.ReferenceImage), Prompt = v.Text(Field.Prompt)!, NegativePrompt = v.Text(Field.NegativePrompt),
                IpAdapterStrength = v.Number(Field.IpAdapterStrength), Cfg = v.Number(Field.GuidanceScale),
                TimestepToStartCfg = v.Int(Field.TimestepToStartCfg), FaceProvider = v.IpAdapterFaceProvider(), Width = v.Int(Field.Width),
                Height = v.Int(Field.Height), Steps = v.Int(Field.Steps), Seed = v.Seed(),
            }, o, ct)),

        // ---- Video (ryla-wan26; /video-faceswap on ryla-qwen-image) ----------------------------------------------
        new(ModalEndpointPaths.Wan26,
            [Field.Prompt.AsRequired(), Field.Width, Field.Height, Field.FrameCount, Field.Fps, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.Video.Wan26Async(new Wan26Request
            {
                Prompt = v.Text(Field.Prompt)!, Width = v.Int(Field.Width), Height = v.Int(Field.Height), FrameCount = v.Int(Field.FrameCount),
                Fps = v.Int(Field.Fps), Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.Wan26R2V,
            [Field.ReferenceVideos, Field.Prompt.AsRequired(), Field.Width, Field.Height, Field.FrameCount, Field.Fps, Field.Steps, Field.Cfg, Field.Seed,
             Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.Video.Wan26R2VAsync(new Wan26R2VRequest
            {
                ReferenceVideos = v.MediaList(Field.ReferenceVideos), Prompt = v.Text(Field.Prompt)!, Width = v.Int(Field.Width),
                Height = v.Int(Field.Height), FrameCount = v.Int(Field.FrameCount), Fps = v.Int(Field.Fps), Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.Wan26Lora,
            [Field.LoraId, Field.LoraName, Field.LoraStrength, Field.TriggerWord, Field.Prompt.AsRequired(), Field.Width, Field.Height, Field.FrameCount,
             Field.Fps, Field.Steps, Field.Cfg, Field.Seed, Field.NegativePrompt],
            async (modal, v, o, ct) => await modal.Video.Wan26LoraAsync(new Wan26LoraRequest
            {
                Lora = v.Lora(), LoraStrength = v.Number(Field.LoraStrength), TriggerWord = v.Text(Field.TriggerWord), Prompt = v.Text(Field.Prompt)!,
                Width = v.Int(Field.Width), Height = v.Int(Field.Height), FrameCount = v.Int(Field.FrameCount), Fps = v.Int(Field.Fps),
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(), NegativePrompt = v.Text(Field.NegativePrompt),
            }, o, ct)),
        new(ModalEndpointPaths.VideoFaceSwap,
            [Field.SourceVideo, Field.ReferenceImage.Describe("The face to insert (PNG, JPEG, WebP or GIF)."), Field.Fps, Field.RestoreFace,
             Field.FaceRestoreVisibility, Field.CodeformerWeight],
            async (modal, v, o, ct) => await modal.Video.FaceSwapAsync(new VideoFaceSwapRequest
            {
                SourceVideo = v.Media(Field.SourceVideo), ReferenceImage = v.Media(Field.ReferenceImage), Fps = v.Int(Field.Fps),
                RestoreFace = v.Flag(Field.RestoreFace), FaceRestoreVisibility = v.Number(Field.FaceRestoreVisibility),
                CodeformerWeight = v.Number(Field.CodeformerWeight),
            }, o, ct)),

        // ---- Upscaling (ryla-seedvr2) ----------------------------------------------------------------------------
        new(ModalEndpointPaths.SeedVr2, [Field.UpscaleImage, Field.Resolution, Field.MaxResolution, Field.Seed],
            async (modal, v, o, ct) => await modal.Upscale.SeedVr2Async(new SeedVr2Request
            {
                SourceImage = v.Media(Field.UpscaleImage), Resolution = v.Int(Field.Resolution), MaxResolution = v.Int(Field.MaxResolution),
                Seed = v.Seed(),
            }, o, ct)),

        // ---- Editing (ryla-qwen-image) ---------------------------------------------------------------------------
        new(ModalEndpointPaths.QwenImageEdit, [Field.SourceImage, Field.Instruction, Field.Steps, Field.Cfg, Field.Seed, Field.Denoise],
            async (modal, v, o, ct) => await modal.Edit.QwenImageEditAsync(new QwenImageEditRequest
            {
                SourceImage = v.Media(Field.SourceImage), Instruction = v.Text(Field.Instruction)!, Steps = v.Int(Field.Steps),
                Cfg = v.Number(Field.Cfg), Seed = v.Seed(), Denoise = v.Number(Field.Denoise),
            }, o, ct)),
        new(ModalEndpointPaths.QwenImageInpaint, [Field.SourceImage, Field.MaskImage, Field.Prompt.AsRequired(), Field.Steps, Field.Cfg, Field.Seed],
            async (modal, v, o, ct) => await modal.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest
            {
                SourceImage = v.Media(Field.SourceImage), MaskImage = v.Media(Field.MaskImage), Prompt = v.Text(Field.Prompt)!,
                Steps = v.Int(Field.Steps), Cfg = v.Number(Field.Cfg), Seed = v.Seed(),
            }, o, ct)),
    ];

    /// <summary>The spec of a current endpoint.</summary>
    /// <exception cref="InvalidOperationException">The catalog has an endpoint this table does not know (the SDK grew).</exception>
    public static EndpointSpec For(ModalEndpoint endpoint) =>
        All.SingleOrDefault(s => s.Path == endpoint.Path)
        ?? throw new InvalidOperationException($"The CLI has no subcommand for {endpoint.Path}: add it to {nameof(EndpointTable)}.");
}
