using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>Invalid requests fail before anything is sent, naming the property and the fix.</summary>
public sealed class ValidationTests : IDisposable
{
    private static readonly ModalMedia Face = TestMedia.PngMedia();
    private static readonly ModalMedia Clip = TestMedia.Mp4Media();
    private readonly WireMockModal _modal = new();

    public void Dispose() => _modal.Dispose();

    public static TheoryData<string, string, Func<IModalClient, Task>> InvalidRequests() => new()
    {
        { "empty prompt", "FluxSchnellRequest.Prompt", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "" }) },
        { "whitespace prompt", "FluxDevRequest.Prompt", c => c.Flux.DevAsync(new FluxDevRequest { Prompt = "   " }) },
        { "null prompt", "ZImageSimpleRequest.Prompt", c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = null! }) },
        { "huge prompt", "FluxSchnellRequest.Prompt", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = new string('a', 20_001) }) },
        { "zero width", "FluxSchnellRequest.Width", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Width = 0 }) },
        { "negative height", "ZImageDanrisiRequest.Height", c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "p", Height = -5 }) },
        { "zero steps", "FluxDevRequest.Steps", c => c.Flux.DevAsync(new FluxDevRequest { Prompt = "p", Steps = 0 }) },
        { "turbo steps above 4", "SdxlTurboRequest.Steps", c => c.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "p", Steps = 8 }) },
        { "negative seed", "FluxSchnellRequest.Seed", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Seed = -1 }) },
        { "NaN cfg", "FluxSchnellRequest.Cfg", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Cfg = double.NaN }) },
        { "blank qwen prompt", "QwenImage2512Request.Prompt", c => c.Qwen.Image2512Async(new QwenImage2512Request { Prompt = " " }) },
        { "missing lora", "FluxDevLoraRequest.Lora", c => c.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = null!, Prompt = "p" }) },
        { "missing qwen lora", "QwenImage2512LoraRequest.Lora", c => c.Qwen.Image2512LoraAsync(new QwenImage2512LoraRequest { Lora = null! }) },
        { "missing reference image", "SdxlInstantIdRequest.ReferenceImage", c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = null!, Prompt = "p" }) },
        { "video as reference image", "FluxPulidRequest.ReferenceImage", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Clip, Prompt = "p" }) },
        { "pulid weight out of range", "FluxPulidRequest.PulidWeight", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", PulidWeight = 9 }) },
        { "pulid start after end", "FluxPulidRequest.StartAt", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", StartAt = 0.8, EndAt = 0.2 }) },
        { "instantid strength negative", "SdxlInstantIdRequest.InstantIdStrength", c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Face, Prompt = "p", InstantIdStrength = -1 }) },
        { "ipadapter strength too high", "FluxIpAdapterFaceIdRequest.IpAdapterStrength", c => c.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = Face, Prompt = "p", IpAdapterStrength = 3 }) },
        { "no reference videos", "Wan26R2VRequest.ReferenceVideos", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [], Prompt = "p" }) },
        { "four reference videos", "Wan26R2VRequest.ReferenceVideos", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [Clip, Clip, Clip, Clip], Prompt = "p" }) },
        { "image as reference video", "Wan26R2VRequest.ReferenceVideos[1]", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [Clip, Face], Prompt = "p" }) },
        { "wan zero length", "Wan26Request.FrameCount", c => c.Video.Wan26Async(new Wan26Request { Prompt = "p", FrameCount = 0 }) },
        { "wan empty prompt", "Wan26LoraRequest.Prompt", c => c.Video.Wan26LoraAsync(new Wan26LoraRequest { Lora = LoraReference.ById("1"), Prompt = "" }) },
        { "image as source video", "VideoFaceSwapRequest.SourceVideo", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = Face, ReferenceImage = Face }) },
        { "codeformer weight above 1", "VideoFaceSwapRequest.CodeformerWeight", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = Clip, ReferenceImage = Face, CodeformerWeight = 2 }) },
        { "missing upscale image", "SeedVr2Request.SourceImage", c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = null! }) },
        { "zero resolution", "SeedVr2Request.Resolution", c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Resolution = 0 }) },
        { "empty instruction", "QwenImageEditRequest.Instruction", c => c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = Face, Instruction = "" }) },
        { "denoise above 1", "QwenImageEditRequest.Denoise", c => c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = Face, Instruction = "x", Denoise = 1.5 }) },
        { "missing mask", "QwenImageInpaintRequest.MaskImage", c => c.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = Face, MaskImage = null!, Prompt = "x" }) },
        { "null request", "FluxSchnellRequest", c => c.Flux.SchnellAsync(null!) },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task InvalidRequest_ThrowsArgumentExceptionNamingProperty_AndSendsNothing(string _, string property, Func<IModalClient, Task> call)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(_modal.Client));

        Assert.Equal(property, ex.ParamName);
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_modal.Requests);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("name with spaces")]
    public void LoraReference_UnsafeOrEmptyName_IsRejected(string name)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => LoraReference.ByName(name));
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void SdxlCheckpoint_Custom_RequiresBareSafetensorsName()
    {
        Assert.Equal("intorealism-xl.safetensors", SdxlCheckpoint.Custom("intorealism-xl.safetensors").FileName);
        Assert.Equal(SdxlCheckpoint.Juggernaut, SdxlCheckpoint.Custom("Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors"));
        Assert.Throws<ArgumentException>(() => SdxlCheckpoint.Custom("models/x.safetensors"));
        Assert.Throws<ArgumentException>(() => SdxlCheckpoint.Custom("x.ckpt"));
    }
}
