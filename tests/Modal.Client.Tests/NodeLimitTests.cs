using System.Text.Json.Nodes;
using Modal.Client.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Modal.Client.Tests;

/// <summary>
/// The limits the real ComfyUI nodes enforce (issue 14), pinned at their edges: the value at the limit is sent as given,
/// one step past it is refused before anything is sent, with an <see cref="ArgumentException"/> that names the property,
/// the limit and the node. One step is the node's own step where it declares one (ip_scale 0.001, ReActor 0.05).
/// </summary>
public sealed class NodeLimitTests
{
    private static readonly ModalMedia Face = TestMedia.PngMedia();
    private static readonly ModalMedia Clip = TestMedia.Mp4Media();

    public sealed record LimitCase(
        string Name,
        string Property,
        string Wire,
        string SentAtLimit,
        string[] MessageParts,
        Func<IModalClient, Task> AtLimit,
        Func<IModalClient, Task> PastLimit)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<LimitCase> Cases() =>
    [
        // /flux-ipadapter-faceid: XLabs ApplyFluxIPAdapter ip_scale 0..1, XlabsSampler steps 1..100 and timestep_to_start_cfg 0..100.
        new("ipadapter strength max 1.0", "FluxIpAdapterFaceIdRequest.IpAdapterStrength", "ipadapter_strength", "1", ["ApplyFluxIPAdapter", "ip_scale", "0 to 1"],
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { IpAdapterStrength = 1.0 }),
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { IpAdapterStrength = 1.001 })),
        new("ipadapter strength min 0", "FluxIpAdapterFaceIdRequest.IpAdapterStrength", "ipadapter_strength", "0", ["ApplyFluxIPAdapter", "0 to 1"],
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { IpAdapterStrength = 0 }),
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { IpAdapterStrength = -0.001 })),
        new("ipadapter steps max 100", "FluxIpAdapterFaceIdRequest.Steps", "steps", "100", ["XlabsSampler", "steps", "1 to 100"],
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { Steps = 100 }),
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { Steps = 101 })),
        new("ipadapter timestep_to_start_cfg max 100", "FluxIpAdapterFaceIdRequest.TimestepToStartCfg", "timestep_to_start_cfg", "100", ["XlabsSampler", "timestep_to_start_cfg", "0 to 100"],
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { TimestepToStartCfg = 100 }),
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { TimestepToStartCfg = 101 })),
        new("ipadapter timestep_to_start_cfg min 0", "FluxIpAdapterFaceIdRequest.TimestepToStartCfg", "timestep_to_start_cfg", "0", ["XlabsSampler", "0 to 100"],
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { TimestepToStartCfg = 0 }),
            c => c.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { TimestepToStartCfg = -1 })),

        // /z-image-simple and /z-image-danrisi: ZImageSampler width/height 256..4096, steps 1..100, guidance_scale 0..20.
        new("z-image-simple width min 256", "ZImageSimpleRequest.Width", "width", "256", ["ZImageSampler", "width", "256 to 4096"],
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Width = 256 }),
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Width = 255 })),
        new("z-image-simple height min 256", "ZImageSimpleRequest.Height", "height", "256", ["ZImageSampler", "height", "256 to 4096"],
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Height = 256 }),
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Height = 255 })),
        new("z-image-danrisi width min 256", "ZImageDanrisiRequest.Width", "width", "256", ["ZImageSampler", "256 to 4096"],
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Width = 256 }),
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Width = 255 })),
        new("z-image-danrisi height max 4096", "ZImageDanrisiRequest.Height", "height", "4096", ["ZImageSampler", "256 to 4096"],
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Height = 4096 }),
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Height = 4097 })),
        new("z-image-simple steps max 100", "ZImageSimpleRequest.Steps", "steps", "100", ["ZImageSampler", "steps", "1 to 100"],
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Steps = 100 }),
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Steps = 101 })),
        new("z-image-danrisi steps max 100", "ZImageDanrisiRequest.Steps", "steps", "100", ["ZImageSampler", "1 to 100"],
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Steps = 100 }),
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Steps = 101 })),
        new("z-image-simple cfg max 20", "ZImageSimpleRequest.Cfg", "cfg", "20", ["ZImageSampler", "guidance_scale", "0 to 20"],
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Cfg = 20 }),
            c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Cfg = 20.1 })),
        new("z-image-danrisi cfg max 20", "ZImageDanrisiRequest.Cfg", "cfg", "20", ["ZImageSampler", "0 to 20"],
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Cfg = 20 }),
            c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Cfg = 20.1 })),

        // /video-faceswap: VHS_LoadVideo force_rate <= 60 (VHS_VideoCombine frame_rate >= 1); ReActor face_restore_visibility >= 0.1.
        new("video-faceswap fps max 60", "VideoFaceSwapRequest.Fps", "fps", "60", ["VHS_LoadVideo", "force_rate", "1 to 60"],
            c => c.Video.FaceSwapAsync(FaceSwap() with { Fps = 60 }),
            c => c.Video.FaceSwapAsync(FaceSwap() with { Fps = 61 })),
        new("video-faceswap fps min 1", "VideoFaceSwapRequest.Fps", "fps", "1", ["VHS_LoadVideo", "1 to 60"],
            c => c.Video.FaceSwapAsync(FaceSwap() with { Fps = 1 }),
            c => c.Video.FaceSwapAsync(FaceSwap() with { Fps = 0 })),
        new("video-faceswap restore visibility min 0.1", "VideoFaceSwapRequest.FaceRestoreVisibility", "face_restore_visibility", "0.1", ["ReActorFaceSwap", "face_restore_visibility", "0.1 to 1"],
            c => c.Video.FaceSwapAsync(FaceSwap() with { FaceRestoreVisibility = 0.1 }),
            c => c.Video.FaceSwapAsync(FaceSwap() with { FaceRestoreVisibility = 0.05 })),

        // /seedvr2: SeedVR2VideoUpscaler seed 0..2^32-1, max_resolution 0..16384 (0 = no limit), resolution 16..16384.
        new("seedvr2 seed max 2^32-1", "SeedVr2Request.Seed", "seed", "4294967295", ["SeedVR2VideoUpscaler", "seed", "0 to 4294967295"],
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Seed = uint.MaxValue }),
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Seed = (long)uint.MaxValue + 1 })),
        new("seedvr2 max_resolution 0 means no limit", "SeedVr2Request.MaxResolution", "max_resolution", "0", ["SeedVR2VideoUpscaler", "max_resolution", "0 to 16384"],
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, MaxResolution = 0 }),
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, MaxResolution = -1 })),
        new("seedvr2 max_resolution max 16384", "SeedVr2Request.MaxResolution", "max_resolution", "16384", ["SeedVR2VideoUpscaler", "0 to 16384"],
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, MaxResolution = 16384 }),
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, MaxResolution = 16385 })),
        new("seedvr2 resolution min 16", "SeedVr2Request.Resolution", "resolution", "16", ["SeedVR2VideoUpscaler", "resolution", "16 to 16384"],
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Resolution = 16 }),
            c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Resolution = 15 })),

        // Adapter weights: ApplyInstantID weight 0..5, ApplyPulidFlux weight -1..5.
        new("instantid weight max 5", "SdxlInstantIdRequest.InstantIdStrength", "instantid_strength", "5", ["ApplyInstantID", "0 to 5"],
            c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Face, Prompt = "p", InstantIdStrength = 5 }),
            c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Face, Prompt = "p", InstantIdStrength = 5.01 })),
        new("pulid weight min -1", "FluxPulidRequest.PulidWeight", "pulid_weight", "-1", ["ApplyPulidFlux", "-1 to 5"],
            c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", PulidWeight = -1 }),
            c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", PulidWeight = -1.05 })),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AtLimit_IsSentAsGiven(LimitCase c)
    {
        using var modal = Respond200();

        await c.AtLimit(modal.Client);

        Assert.Equal(c.SentAtLimit, modal.SingleJsonBody()[c.Wire]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OneStepPastLimit_ThrowsNamingPropertyLimitAndNode_AndSendsNothing(LimitCase c)
    {
        using var modal = Respond200();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => c.PastLimit(modal.Client));

        Assert.Equal(c.Property, ex.ParamName);
        Assert.StartsWith(c.Property + " is ", ex.Message, StringComparison.Ordinal);
        Assert.All(c.MessageParts, part => Assert.Contains(part, ex.Message, StringComparison.Ordinal));
        Assert.Empty(modal.Requests);
    }

    [Fact]
    public async Task ZImageLora_UsesKSamplerNotZImageSampler_So255WideIsSent()
    {
        using var modal = Respond200();

        await modal.Client.ZImage.LoraAsync(new ZImageLoraRequest { Lora = LoraReference.ById("1"), Prompt = "p", Width = 255, Cfg = 25 });

        var body = modal.SingleJsonBody();
        Assert.Equal(255, (int)body["width"]!);
        Assert.Equal(25, (double)body["cfg"]!);
    }

    [Fact]
    public async Task SdkBound_NamesTheSdkAndWhatTheNodeAllows()
    {
        using var modal = Respond200();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "p", Steps = 201 }));

        Assert.Equal("FluxDevRequest.Steps", ex.ParamName);
        Assert.Equal(
            "FluxDevRequest.Steps is 201; the SDK accepts 1 to 200 steps (KSampler itself allows up to 10000). Use a value in that range, or leave it unset for the server's default. (Parameter 'FluxDevRequest.Steps')",
            ex.Message);
    }

    [Fact]
    public async Task IpAdapterStrength_PastLimit_MessageIsExact()
    {
        using var modal = Respond200();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => modal.Client.Face.FluxIpAdapterFaceIdAsync(IpAdapter() with { IpAdapterStrength = 1.5 }));

        Assert.Equal(
            "FluxIpAdapterFaceIdRequest.IpAdapterStrength is 1.5; the XLabs ApplyFluxIPAdapter node accepts ip_scale (sent as ipadapter_strength) from 0 to 1. Use a value in that range, or leave it unset for the server's default. (Parameter 'FluxIpAdapterFaceIdRequest.IpAdapterStrength')",
            ex.Message);
    }

    [Fact]
    public async Task QwenAspectRatioWithSize_Throws_SayingTheRatioWinsOnTheServer()
    {
        using var modal = Respond200();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => modal.Client.Qwen.Image2512Async(
            new QwenImage2512Request { AspectRatio = QwenAspectRatio.Landscape16x9, Width = 1024, Height = 1024 }));

        Assert.Equal("QwenImage2512Request.AspectRatio", ex.ParamName);
        Assert.Equal(
            "QwenImage2512Request.AspectRatio (16:9) and Width/Height are both set, but the server lets aspect_ratio win and ignores width and height (16:9 gives 1664x928). Set AspectRatio alone, or Width and Height alone. (Parameter 'QwenImage2512Request.AspectRatio')",
            ex.Message);
        Assert.Empty(modal.Requests);
    }

    [Fact]
    public async Task QwenAspectRatioWithWidthOnly_OnEveryQwenEndpoint_Throws()
    {
        using var modal = Respond200();

        var fast = await Assert.ThrowsAsync<ArgumentException>(() => modal.Client.Qwen.Image2512FastAsync(
            new QwenImage2512FastRequest { AspectRatio = QwenAspectRatio.Square, Width = 800 }));
        var lora = await Assert.ThrowsAsync<ArgumentException>(() => modal.Client.Qwen.Image2512LoraAsync(
            new QwenImage2512LoraRequest { Lora = LoraReference.ById("1"), AspectRatio = QwenAspectRatio.Portrait9x16, Height = 800 }));

        Assert.Equal("QwenImage2512FastRequest.AspectRatio", fast.ParamName);
        Assert.Contains("(1:1) and Width are both set", fast.Message, StringComparison.Ordinal);
        Assert.Equal("QwenImage2512LoraRequest.AspectRatio", lora.ParamName);
        Assert.Contains("(9:16) and Height are both set", lora.Message, StringComparison.Ordinal);
        Assert.Empty(modal.Requests);
    }

    [Fact]
    public async Task QwenAspectRatioAlone_SendsOnlyTheRatio()
    {
        using var modal = Respond200();

        await modal.Client.Qwen.Image2512Async(new QwenImage2512Request { AspectRatio = QwenAspectRatio.Portrait3x4 });

        var body = modal.SingleJsonBody();
        Assert.Equal("3:4", (string?)body["aspect_ratio"]);
        Assert.False(body.ContainsKey("width"));
        Assert.False(body.ContainsKey("height"));
    }

    private static FluxIpAdapterFaceIdRequest IpAdapter() => new() { ReferenceImage = Face, Prompt = "p" };

    private static VideoFaceSwapRequest FaceSwap() => new() { SourceVideo = Clip, ReferenceImage = Face };

    /// <summary>Every app answers 200 with media of the kind its endpoints return.</summary>
    private static WireMockModal Respond200()
    {
        var modal = new WireMockModal();
        modal.Server.Given(Request.Create().UsingPost().WithPath(new WildcardMatcher("/" + ModalApp.Wan26.Name + "/*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/webp").WithBody(TestMedia.AnimatedWebP()));
        modal.Server.Given(Request.Create().UsingPost().WithPath(WireMockModal.PathOf(ModalApp.QwenImage, "/video-faceswap")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "video/mp4").WithBody(TestMedia.Mp4()));
        modal.Server.Given(Request.Create().UsingPost()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png()));
        return modal;
    }
}
