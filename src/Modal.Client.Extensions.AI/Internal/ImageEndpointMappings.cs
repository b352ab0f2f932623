using System.Diagnostics.CodeAnalysis;
using static Modal.Client.Extensions.AI.Internal.AdditionalFields;

namespace Modal.Client.Extensions.AI.Internal;

/// <summary>
/// The one place where <c>IImageGenerator</c> requests become typed Modal requests: per image endpoint, what it takes from
/// the original images, the wire names it accepts in <c>AdditionalProperties</c>, and how its request record is built and
/// sent. Request records and client methods are named only here.
/// </summary>
internal static class ImageEndpointMappings
{
    private const string PulidWeight = "pulid_weight";
    private const string StartAt = "start_at";
    private const string EndAt = "end_at";
    private const string AspectRatio = "aspect_ratio";
    private const string UseLightningLora = "use_lightning_lora";
    private const string Nsfw = "nsfw";
    private const string SdxlCheckpoint = "sdxl_checkpoint";
    private const string InstantIdStrength = "instantid_strength";
    private const string FaceProvider = "face_provider";
    private const string SamplerName = "sampler_name";
    private const string Scheduler = "scheduler";
    private const string IpAdapterStrength = "ipadapter_strength";
    private const string TimestepToStartCfg = "timestep_to_start_cfg";
    private const string Resolution = "resolution";
    private const string MaxResolution = "max_resolution";
    private const string Denoise = "denoise";

    private static readonly string[] Lora = [LoraId, LoraName, LoraStrength, TriggerWord];

    private static readonly ImageEndpointMapping[] Mappings =
    [
        TextToImage("/flux", [NegativePrompt, Steps, Cfg], (c, x) => Bind(
            new FluxSchnellRequest
            {
                Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt), Width = x.Width, Height = x.Height,
                Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
            },
            (r, ct) => c.Flux.SchnellAsync(r, cancellationToken: ct))),
        TextToImage("/flux-dev", [NegativePrompt, Steps, Cfg], (c, x) => Bind(
            new FluxDevRequest
            {
                Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt), Width = x.Width, Height = x.Height,
                Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
            },
            (r, ct) => c.Flux.DevAsync(r, cancellationToken: ct))),
        TextToImage("/flux-dev-lora", [.. Lora, NegativePrompt, Steps, Cfg], (c, x) => Bind(
            new FluxDevLoraRequest
            {
                Lora = x.Fields.Lora("/flux-dev-lora"), Prompt = x.Prompt!, LoraStrength = x.Fields.Double(LoraStrength),
                TriggerWord = x.Fields.Text(TriggerWord), NegativePrompt = x.Fields.Text(NegativePrompt), Width = x.Width,
                Height = x.Height, Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
            },
            (r, ct) => c.Flux.DevLoraAsync(r, cancellationToken: ct))),
        TextToImage("/sdxl-turbo", [NegativePrompt, Steps], (c, x) => Bind(
            new SdxlTurboRequest
            {
                Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt), Width = x.Width, Height = x.Height,
                Steps = x.Fields.Int(Steps), Seed = x.Seed,
            },
            (r, ct) => c.Sdxl.TurboAsync(r, cancellationToken: ct))),
        TextToImage("/sdxl-lightning", [NegativePrompt, Cfg], (c, x) => Bind(
            new SdxlLightningRequest
            {
                Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt), Width = x.Width, Height = x.Height,
                Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
            },
            (r, ct) => c.Sdxl.LightningAsync(r, cancellationToken: ct))),
        TextToImage("/qwen-image-2512", [NegativePrompt, Steps, Cfg, AspectRatio, UseLightningLora], (c, x) => Bind(
            new QwenImage2512Request
            {
                Prompt = x.Prompt, AspectRatio = x.Fields.AspectRatio(AspectRatio), Width = x.Width, Height = x.Height,
                Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
                NegativePrompt = x.Fields.Text(NegativePrompt), UseLightningLora = x.Fields.Bool(UseLightningLora),
            },
            (r, ct) => c.Qwen.Image2512Async(r, cancellationToken: ct))),
        TextToImage("/qwen-image-2512-fast", [NegativePrompt, Steps, Cfg, AspectRatio], (c, x) => Bind(
            new QwenImage2512FastRequest
            {
                Prompt = x.Prompt, AspectRatio = x.Fields.AspectRatio(AspectRatio), Width = x.Width, Height = x.Height,
                Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
                NegativePrompt = x.Fields.Text(NegativePrompt),
            },
            (r, ct) => c.Qwen.Image2512FastAsync(r, cancellationToken: ct))),
        TextToImage("/qwen-image-2512-lora", [.. Lora, NegativePrompt, Steps, Cfg, AspectRatio], (c, x) => Bind(
            new QwenImage2512LoraRequest
            {
                Lora = x.Fields.Lora("/qwen-image-2512-lora"), Prompt = x.Prompt, LoraStrength = x.Fields.Double(LoraStrength),
                TriggerWord = x.Fields.Text(TriggerWord), AspectRatio = x.Fields.AspectRatio(AspectRatio), Width = x.Width,
                Height = x.Height, Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
                NegativePrompt = x.Fields.Text(NegativePrompt),
            },
            (r, ct) => c.Qwen.Image2512LoraAsync(r, cancellationToken: ct))),
        TextToImage("/z-image-simple", [NegativePrompt, Steps, Cfg], (c, x) => Bind(
            new ZImageSimpleRequest
            {
                Prompt = x.Prompt!, Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps),
                Cfg = x.Fields.GuidanceValue(), Seed = x.Seed, NegativePrompt = x.Fields.Text(NegativePrompt),
            },
            (r, ct) => c.ZImage.SimpleAsync(r, cancellationToken: ct))),
        TextToImage("/z-image-danrisi", [NegativePrompt, Steps, Cfg], (c, x) => Bind(
            new ZImageDanrisiRequest
            {
                Prompt = x.Prompt!, Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps),
                Cfg = x.Fields.GuidanceValue(), Seed = x.Seed, NegativePrompt = x.Fields.Text(NegativePrompt),
            },
            (r, ct) => c.ZImage.DanrisiAsync(r, cancellationToken: ct))),
        TextToImage("/z-image-lora", [.. Lora, NegativePrompt, Steps, Cfg, Nsfw], (c, x) => Bind(
            new ZImageLoraRequest
            {
                Lora = x.Fields.Lora("/z-image-lora"), Prompt = x.Prompt!, LoraStrength = x.Fields.Double(LoraStrength),
                TriggerWord = x.Fields.Text(TriggerWord), Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps),
                Cfg = x.Fields.GuidanceValue(), Seed = x.Seed, NegativePrompt = x.Fields.Text(NegativePrompt), Nsfw = x.Fields.Bool(Nsfw),
            },
            (r, ct) => c.ZImage.LoraAsync(r, cancellationToken: ct))),
        WithImage("/sdxl-instantid", ImageInput.Reference, [NegativePrompt, Steps, Cfg, SdxlCheckpoint, InstantIdStrength, FaceProvider, SamplerName, Scheduler], (c, x) => Bind(
            new SdxlInstantIdRequest
            {
                ReferenceImage = x.Image!, Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt),
                SdxlCheckpoint = x.Fields.Checkpoint(SdxlCheckpoint), InstantIdStrength = x.Fields.Double(InstantIdStrength),
                FaceProvider = x.Fields.InstantIdProvider(FaceProvider), Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps),
                Cfg = x.Fields.GuidanceValue(), Sampler = x.Fields.Sampler(SamplerName), Scheduler = x.Fields.Scheduler(Scheduler), Seed = x.Seed,
            },
            (r, ct) => c.Face.SdxlInstantIdAsync(r, cancellationToken: ct))),
        WithImage("/flux-pulid", ImageInput.Reference, [Steps, Guidance, PulidWeight, StartAt, EndAt], (c, x) => Bind(
            new FluxPulidRequest
            {
                ReferenceImage = x.Image!, Prompt = x.Prompt!, PulidWeight = x.Fields.Double(PulidWeight),
                StartAt = x.Fields.Double(StartAt), EndAt = x.Fields.Double(EndAt), Guidance = x.Fields.GuidanceValue(),
                Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps), Seed = x.Seed,
            },
            (r, ct) => c.Face.FluxPulidAsync(r, cancellationToken: ct))),
        WithImage("/flux-ipadapter-faceid", ImageInput.Reference, [NegativePrompt, Steps, GuidanceScale, IpAdapterStrength, TimestepToStartCfg, FaceProvider], (c, x) => Bind(
            new FluxIpAdapterFaceIdRequest
            {
                ReferenceImage = x.Image!, Prompt = x.Prompt!, NegativePrompt = x.Fields.Text(NegativePrompt),
                IpAdapterStrength = x.Fields.Double(IpAdapterStrength), Cfg = x.Fields.GuidanceValue(),
                TimestepToStartCfg = x.Fields.Int(TimestepToStartCfg), FaceProvider = x.Fields.IpAdapterProvider(FaceProvider),
                Width = x.Width, Height = x.Height, Steps = x.Fields.Int(Steps), Seed = x.Seed,
            },
            (r, ct) => c.Face.FluxIpAdapterFaceIdAsync(r, cancellationToken: ct))),
        WithImage("/seedvr2", ImageInput.Upscale, [Resolution, MaxResolution], (c, x) => Bind(
            new SeedVr2Request
            {
                SourceImage = x.Image!, Resolution = x.Fields.Int(Resolution), MaxResolution = x.Fields.Int(MaxResolution),
                Seed = x.Seed,
            },
            (r, ct) => c.Upscale.SeedVr2Async(r, cancellationToken: ct))),
        WithImage("/qwen-image-edit-2511", ImageInput.Edit, [Steps, Cfg, Denoise], (c, x) => Bind(
            new QwenImageEditRequest
            {
                SourceImage = x.Image!, Instruction = x.Prompt!, Steps = x.Fields.Int(Steps), Cfg = x.Fields.GuidanceValue(),
                Seed = x.Seed, Denoise = x.Fields.Double(Denoise),
            },
            (r, ct) => c.Edit.QwenImageEditAsync(r, cancellationToken: ct))),
        WithImage("/qwen-image-inpaint-2511", ImageInput.Inpaint, [MaskImage, Steps, Cfg], (c, x) => Bind(
            new QwenImageInpaintRequest
            {
                SourceImage = x.Image!, MaskImage = x.Mask!, Prompt = x.Prompt!, Steps = x.Fields.Int(Steps),
                Cfg = x.Fields.GuidanceValue(), Seed = x.Seed,
            },
            (r, ct) => c.Edit.QwenImageInpaintAsync(r, cancellationToken: ct)),
            outputMediaType: "image/jpeg"),
    ];

    private static readonly Dictionary<string, ImageEndpointMapping> ByPath = Mappings.ToDictionary(m => m.Path, StringComparer.Ordinal);

    /// <summary>Every image endpoint, in catalog order.</summary>
    public static IReadOnlyList<ImageEndpointMapping> All => Mappings;

    /// <summary>The image-input endpoints' paths.</summary>
    public static IEnumerable<string> ImageInputPaths => Mappings.Where(m => m.Input != ImageInput.None).Select(m => m.Path);

    public static bool TryGet(string path, [NotNullWhen(true)] out ImageEndpointMapping? mapping) => ByPath.TryGetValue(path, out mapping);

    public static ImageEndpointMapping Get(string path) => ByPath[path];

    private static Func<CancellationToken, Task<GeneratedImage>> Bind<TRequest>(TRequest request, Func<TRequest, CancellationToken, Task<GeneratedImage>> call)
        => ct => call(request, ct);

    private static ImageEndpointMapping TextToImage(
        string path, string[] fields, Func<IModalClient, ImageCall, Func<CancellationToken, Task<GeneratedImage>>> build)
        => new() { Path = path, Input = ImageInput.None, Fields = fields, Build = build };

    private static ImageEndpointMapping WithImage(
        string path, ImageInput input, string[] fields, Func<IModalClient, ImageCall, Func<CancellationToken, Task<GeneratedImage>>> build, string outputMediaType = "image/png")
        => new() { Path = path, Input = input, Fields = fields, Build = build, OutputMediaType = outputMediaType };
}
