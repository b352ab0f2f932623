using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Modal.Client.Tests;

/// <summary>
/// For each of the 21 endpoints, through the real AddModalClient pipeline: the request reaches the right app and path,
/// the JSON carries exactly the contract's wire names with the caller's values (no null, no ignored field), and a
/// success answered with the server's real (wrong) label is read with the right sniffed type, seed and cost.
/// </summary>
public sealed class EndpointWireTests
{
    private static readonly byte[] Png = TestMedia.Png();
    private static readonly byte[] Mp4 = TestMedia.Mp4();
    private static readonly string PngUrl = TestMedia.DataUrl("image/png", Png);
    private static readonly string Mp4Url = TestMedia.DataUrl("video/mp4", Mp4);

    public sealed record EndpointCase(
        string Path,
        ModalApp App,
        Func<IModalClient, Task<GeneratedMedia>> Call,
        string ExpectedJson,
        string ServerLabel,
        byte[] ResponseBytes,
        MediaFormat ExpectedFormat,
        long? ExpectedSeed)
    {
        public override string ToString() => Path;
    }

    public static TheoryData<EndpointCase> Cases() => [.. AllCases()];

    private static List<EndpointCase> AllCases()
    {
        var face = ModalMedia.FromBytes(Png);
        var video = ModalMedia.FromBytes(Mp4);
        var jpeg = TestMedia.Jpeg();
        var webp = TestMedia.AnimatedWebP();
        return
        [
            new("/flux", ModalApp.Flux,
                async c => await c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", NegativePrompt = "blur", Width = 512, Height = 768, Steps = 4, Cfg = 1.5, Seed = 7 }),
                """{"prompt":"a fox","negative_prompt":"blur","width":512,"height":768,"steps":4,"cfg":1.5,"seed":7}""", "image/jpeg", Png, MediaFormat.Png, 7),
            new("/flux-dev", ModalApp.Flux,
                async c => await c.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox", NegativePrompt = "blur", Width = 1024, Height = 1024, Steps = 20, Cfg = 3.5, Seed = 8 }),
                """{"prompt":"a fox","negative_prompt":"blur","width":1024,"height":1024,"steps":20,"cfg":3.5,"seed":8}""", "image/jpeg", Png, MediaFormat.Png, 8),
            new("/flux-dev-lora", ModalApp.Flux,
                async c => await c.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ById("abc"), Prompt = "a fox", LoraStrength = 0.8, TriggerWord = "ohwx", NegativePrompt = "blur", Width = 640, Height = 640, Steps = 20, Cfg = 1.0, Seed = 9 }),
                """{"prompt":"a fox","lora_strength":0.8,"trigger_word":"ohwx","negative_prompt":"blur","width":640,"height":640,"steps":20,"cfg":1,"seed":9,"lora_id":"abc"}""", "image/jpeg", Png, MediaFormat.Png, 9),
            new("/sdxl-turbo", ModalApp.InstantId,
                async c => await c.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "a fox", NegativePrompt = "blur", Width = 512, Height = 512, Steps = 2, Seed = 10 }),
                """{"prompt":"a fox","negative_prompt":"blur","width":512,"height":512,"steps":2,"seed":10}""", "image/jpeg", Png, MediaFormat.Png, 10),
            new("/sdxl-lightning", ModalApp.InstantId,
                async c => await c.Sdxl.LightningAsync(new SdxlLightningRequest { Prompt = "a fox", NegativePrompt = "blur", Width = 512, Height = 512, Cfg = 1.0, Seed = 11 }),
                """{"prompt":"a fox","negative_prompt":"blur","width":512,"height":512,"cfg":1,"seed":11}""", "image/jpeg", Png, MediaFormat.Png, 11),
            new("/qwen-image-2512", ModalApp.QwenImage,
                async c => await c.Qwen.Image2512Async(new QwenImage2512Request { Prompt = "a fox", AspectRatio = QwenAspectRatio.Landscape16x9, Steps = 50, Cfg = 4.0, Seed = 12, NegativePrompt = "blur", UseLightningLora = true }),
                """{"prompt":"a fox","aspect_ratio":"16:9","steps":50,"cfg":4,"seed":12,"negative_prompt":"blur","use_lightning_lora":true}""", "image/jpeg", Png, MediaFormat.Png, 12),
            new("/qwen-image-2512-fast", ModalApp.QwenImage,
                async c => await c.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Prompt = "a fox", Width = 800, Height = 800, Steps = 4, Cfg = 1.0, Seed = 13, NegativePrompt = "blur" }),
                """{"prompt":"a fox","width":800,"height":800,"steps":4,"cfg":1,"seed":13,"negative_prompt":"blur"}""", "image/jpeg", Png, MediaFormat.Png, 13),
            new("/qwen-image-2512-lora", ModalApp.QwenImage,
                async c => await c.Qwen.Image2512LoraAsync(new QwenImage2512LoraRequest { Lora = LoraReference.ByName("qwen-character-x"), Prompt = "a fox", LoraStrength = 1.2, TriggerWord = "ohwx", AspectRatio = QwenAspectRatio.Square, Steps = 30, Cfg = 4.0, Seed = 14, NegativePrompt = "blur" }),
                """{"prompt":"a fox","lora_strength":1.2,"trigger_word":"ohwx","aspect_ratio":"1:1","steps":30,"cfg":4,"seed":14,"negative_prompt":"blur","lora_name":"qwen-character-x"}""", "image/jpeg", Png, MediaFormat.Png, 14),
            new("/z-image-simple", ModalApp.ZImage,
                async c => await c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "a fox", Width = 1024, Height = 768, Steps = 4, Cfg = 0.0, Seed = 15, NegativePrompt = "blur" }),
                """{"prompt":"a fox","width":1024,"height":768,"steps":4,"cfg":0,"seed":15,"negative_prompt":"blur"}""", "image/jpeg", Png, MediaFormat.Png, 15),
            new("/z-image-danrisi", ModalApp.ZImage,
                async c => await c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "a fox", Width = 1024, Height = 1024, Steps = 8, Cfg = 0.0, Seed = 16, NegativePrompt = "blur" }),
                """{"prompt":"a fox","width":1024,"height":1024,"steps":8,"cfg":0,"seed":16,"negative_prompt":"blur"}""", "image/jpeg", Png, MediaFormat.Png, 16),
            new("/z-image-lora", ModalApp.ZImage,
                async c => await c.ZImage.LoraAsync(new ZImageLoraRequest { Lora = LoraReference.ByName("realistic-snapshot-zit"), Prompt = "a fox", LoraStrength = 0.7, TriggerWord = "ohwx", Width = 1024, Height = 1024, Steps = 9, Cfg = 1.0, Seed = 17, NegativePrompt = "blur", Nsfw = false }),
                """{"prompt":"a fox","lora_strength":0.7,"trigger_word":"ohwx","width":1024,"height":1024,"steps":9,"cfg":1,"seed":17,"negative_prompt":"blur","nsfw":false,"lora_name":"realistic-snapshot-zit"}""", "image/jpeg", Png, MediaFormat.Png, 17),
            new("/sdxl-instantid", ModalApp.InstantId,
                async c => await c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = face, Prompt = "a portrait", NegativePrompt = "blur", SdxlCheckpoint = SdxlCheckpoint.RealVisXL, InstantIdStrength = 0.8, FaceProvider = InstantIdFaceProvider.Cuda, Width = 1024, Height = 1024, Steps = 20, Cfg = 7.0, Sampler = ComfySampler.Dpmpp2M, Scheduler = ComfyScheduler.Karras, Seed = 18 }),
                $$"""{"reference_image":"{{PngUrl}}","prompt":"a portrait","negative_prompt":"blur","sdxl_checkpoint":"RealVisXL_V4.0.safetensors","instantid_strength":0.8,"face_provider":"CUDA","width":1024,"height":1024,"steps":20,"cfg":7,"sampler_name":"dpmpp_2m","scheduler":"karras","seed":18}""", "image/jpeg", Png, MediaFormat.Png, 18),
            new("/flux-pulid", ModalApp.InstantId,
                async c => await c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = face, Prompt = "a portrait", PulidWeight = 0.9, StartAt = 0.1, EndAt = 0.9, Guidance = 3.5, Width = 1024, Height = 1024, Steps = 20, Seed = 19 }),
                $$"""{"reference_image":"{{PngUrl}}","prompt":"a portrait","pulid_weight":0.9,"start_at":0.1,"end_at":0.9,"guidance":3.5,"width":1024,"height":1024,"steps":20,"seed":19}""", "image/jpeg", Png, MediaFormat.Png, 19),
            new("/flux-ipadapter-faceid", ModalApp.InstantId,
                async c => await c.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = face, Prompt = "a portrait", NegativePrompt = "blur", IpAdapterStrength = 0.8, Cfg = 3.5, TimestepToStartCfg = 1, FaceProvider = IpAdapterFaceProvider.Gpu, Width = 1024, Height = 1024, Steps = 20, Seed = 20 }),
                $$"""{"reference_image":"{{PngUrl}}","prompt":"a portrait","negative_prompt":"blur","ipadapter_strength":0.8,"guidance_scale":3.5,"timestep_to_start_cfg":1,"face_provider":"GPU","width":1024,"height":1024,"steps":20,"seed":20}""", "image/jpeg", Png, MediaFormat.Png, 20),
            new("/wan2.6", ModalApp.Wan26,
                async c => await c.Video.Wan26Async(new Wan26Request { Prompt = "waves", Width = 832, Height = 480, FrameCount = 33, Fps = 16, Steps = 30, Cfg = 6.0, Seed = 21, NegativePrompt = "blur" }),
                """{"prompt":"waves","width":832,"height":480,"length":33,"fps":16,"steps":30,"cfg":6,"seed":21,"negative_prompt":"blur"}""", "image/webp", webp, MediaFormat.AnimatedWebP, 21),
            new("/wan2.6-r2v", ModalApp.Wan26,
                async c => await c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [video, video], Prompt = "waves", Width = 480, Height = 480, FrameCount = 17, Fps = 16, Steps = 20, Cfg = 6.0, Seed = 22, NegativePrompt = "blur" }),
                $$"""{"reference_videos":["{{Mp4Url}}","{{Mp4Url}}"],"prompt":"waves","width":480,"height":480,"length":17,"fps":16,"steps":20,"cfg":6,"seed":22,"negative_prompt":"blur"}""", "image/webp", webp, MediaFormat.AnimatedWebP, 22),
            new("/wan2.6-lora", ModalApp.Wan26,
                async c => await c.Video.Wan26LoraAsync(new Wan26LoraRequest { Lora = LoraReference.ById("42"), LoraStrength = 1.5, TriggerWord = "ohwx", Prompt = "waves", Width = 480, Height = 480, FrameCount = 17, Fps = 16, Steps = 30, Cfg = 6.0, Seed = 23, NegativePrompt = "blur" }),
                """{"lora_strength":1.5,"trigger_word":"ohwx","prompt":"waves","width":480,"height":480,"length":17,"fps":16,"steps":30,"cfg":6,"seed":23,"negative_prompt":"blur","lora_id":"42"}""", "image/webp", webp, MediaFormat.AnimatedWebP, 23),
            new("/video-faceswap", ModalApp.QwenImage,
                async c => await c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = video, ReferenceImage = face, Fps = 24, RestoreFace = false, FaceRestoreVisibility = 0.5, CodeformerWeight = 0.3 }),
                $$"""{"source_video":"{{Mp4Url}}","reference_image":"{{PngUrl}}","fps":24,"restore_face":false,"face_restore_visibility":0.5,"codeformer_weight":0.3}""", "video/mp4", Mp4, MediaFormat.Mp4, null),
            new("/seedvr2", ModalApp.SeedVr2,
                async c => await c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = face, Resolution = 1440, MaxResolution = 3000, Seed = 24 }),
                $$"""{"image":"{{PngUrl}}","resolution":1440,"max_resolution":3000,"seed":24}""", "image/png", Png, MediaFormat.Png, 24),
            new("/qwen-image-edit-2511", ModalApp.QwenImage,
                async c => await c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = face, Instruction = "make it night", Steps = 40, Cfg = 4.0, Seed = 25, Denoise = 0.7 }),
                $$"""{"source_image":"{{PngUrl}}","instruction":"make it night","steps":40,"cfg":4,"seed":25,"denoise":0.7}""", "image/jpeg", Png, MediaFormat.Png, 25),
            new("/qwen-image-inpaint-2511", ModalApp.QwenImage,
                async c => await c.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = face, MaskImage = face, Prompt = "a hat", Steps = 40, Cfg = 4.0, Seed = 26 }),
                $$"""{"source_image":"{{PngUrl}}","mask_image":"{{PngUrl}}","prompt":"a hat","steps":40,"cfg":4,"seed":26}""", "image/jpeg", jpeg, MediaFormat.Jpeg, 26),
        ];
    }

    [Fact]
    public void Cases_CoverEveryCurrentEndpoint()
    {
        var covered = AllCases().Select(c => c.Path).ToHashSet();
        Assert.Equal(ModalCatalog.Callable.Select(e => e.Path).ToHashSet(), covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_SendsExactContractJsonToItsApp_AndReadsSniffedResult(EndpointCase c)
    {
        using var modal = new WireMockModal();
        modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(c.App, c.Path)).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", c.ServerLabel).WithBody(c.ResponseBytes));

        var result = await c.Call(modal.Client);

        var request = Assert.Single(modal.Requests).RequestMessage!;
        Assert.Equal(WireMockModal.PathOf(c.App, c.Path), request.Path);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Headers!["Content-Type"]!.Single(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(c.ExpectedJson), JsonNode.Parse(request.Body!)), $"sent {request.Body}");
        Assert.DoesNotContain("null", request.Body!, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers!["Content-Length"]!.Single());
        Assert.False(request.Headers!.ContainsKey("Transfer-Encoding"), "the body must not be sent chunked");

        Assert.Equal(c.Path, result.Endpoint?.Path);
        Assert.Equal(c.ExpectedFormat, result.Format);
        Assert.Equal(c.ServerLabel, result.ServerContentType);
        Assert.Equal(c.ResponseBytes, result.Content.ToArray());
        Assert.Equal(c.ExpectedSeed, result.Seed);
        Assert.Equal(ModalCostSource.Estimated, result.Cost.Source);
        Assert.Equal(result.Cost.Usd, modal.Services.GetRequiredService<ModalCostLedger>().Snapshot().ByEndpoint[c.Path].EstimatedUsd);
    }
}
