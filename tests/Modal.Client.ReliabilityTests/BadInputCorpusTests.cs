using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modal.Client.ReliabilityTests.Support;
using Modal.Client.Testing;

namespace Modal.Client.ReliabilityTests;

/// <summary>
/// Issue #7, part 3: a corpus of bad input across all eight families, the media and LoRA factories and the options.
/// Each one fails before the network with an ArgumentException-family or options-validation error that names the
/// field and the fix, and the fake deployment records zero requests. The corpus extends, and does not repeat,
/// Modal.Client.Tests' ValidationTests and OptionsAndRoutingTests.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusTests.SharedClient shared) : IClassFixture<BadInputCorpusTests.SharedClient>
{
    private static readonly ModalMedia Face = SampleMedia.Face;
    private static readonly ModalMedia Clip = SampleMedia.Clip;
    private static readonly string Huge = new('a', 5_000_000);

    /// <summary>The phrases with which the SDK's messages state the fix (compared ignoring case).</summary>
    private static readonly string[] FixWords =
        ["use ", "pass ", "leave it unset", "describe", "keep it under", "remove", "set ", "copy ", "give ", "for example", "must be between"];

    private static readonly Dictionary<string, (string Property, Func<IModalClient, Task> Call)> Requests = new()
    {
        // Flux
        ["flux: null prompt"] = ("FluxSchnellRequest.Prompt", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = null! })),
        ["flux: height above 4096"] = ("FluxSchnellRequest.Height", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Height = 5000 })),
        ["flux: 201 steps"] = ("FluxSchnellRequest.Steps", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Steps = 201 })),
        ["flux: negative cfg"] = ("FluxSchnellRequest.Cfg", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", Cfg = -0.5 })),
        ["flux: absurd negative prompt"] = ("FluxSchnellRequest.NegativePrompt", c => c.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p", NegativePrompt = Huge })),
        ["flux-dev: width below 64"] = ("FluxDevRequest.Width", c => c.Flux.DevAsync(new FluxDevRequest { Prompt = "p", Width = 63 })),
        ["flux-dev: minimum long seed"] = ("FluxDevRequest.Seed", c => c.Flux.DevAsync(new FluxDevRequest { Prompt = "p", Seed = long.MinValue })),
        ["flux-dev-lora: strength 5.5"] = ("FluxDevLoraRequest.LoraStrength", c => c.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ById("1"), Prompt = "p", LoraStrength = 5.5 })),
        ["flux-dev-lora: tab-and-newline prompt"] = ("FluxDevLoraRequest.Prompt", c => c.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ById("1"), Prompt = "\t\n" })),
        ["flux-dev-lora: absurd trigger word"] = ("FluxDevLoraRequest.TriggerWord", c => c.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ById("1"), Prompt = "p", TriggerWord = Huge })),

        // SDXL
        ["sdxl-turbo: empty prompt"] = ("SdxlTurboRequest.Prompt", c => c.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "" })),
        ["sdxl-turbo: zero steps"] = ("SdxlTurboRequest.Steps", c => c.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "p", Steps = 0 })),
        ["sdxl-lightning: negative width"] = ("SdxlLightningRequest.Width", c => c.Sdxl.LightningAsync(new SdxlLightningRequest { Prompt = "p", Width = -1024 })),
        ["sdxl-lightning: infinite cfg"] = ("SdxlLightningRequest.Cfg", c => c.Sdxl.LightningAsync(new SdxlLightningRequest { Prompt = "p", Cfg = double.PositiveInfinity })),

        // Qwen
        ["qwen-fast: negative steps"] = ("QwenImage2512FastRequest.Steps", c => c.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Steps = -4 })),
        ["qwen-fast: 5 MB prompt"] = ("QwenImage2512FastRequest.Prompt", c => c.Qwen.Image2512FastAsync(new QwenImage2512FastRequest { Prompt = Huge })),
        ["qwen-lora: NaN strength"] = ("QwenImage2512LoraRequest.LoraStrength", c => c.Qwen.Image2512LoraAsync(new QwenImage2512LoraRequest { Lora = LoraReference.ById("1"), LoraStrength = double.NaN })),
        ["qwen: zero height"] = ("QwenImage2512Request.Height", c => c.Qwen.Image2512Async(new QwenImage2512Request { Height = 0 })),

        // Z-Image
        ["z-image-danrisi: ideographic-space prompt"] = ("ZImageDanrisiRequest.Prompt", c => c.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = " \u3000 " })),
        ["z-image-simple: cfg 31"] = ("ZImageSimpleRequest.Cfg", c => c.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "p", Cfg = 31 })),
        ["z-image-lora: missing LoRA"] = ("ZImageLoraRequest.Lora", c => c.ZImage.LoraAsync(new ZImageLoraRequest { Lora = null!, Prompt = "p" })),
        ["z-image-lora: missing prompt"] = ("ZImageLoraRequest.Prompt", c => c.ZImage.LoraAsync(new ZImageLoraRequest { Lora = LoraReference.ById("1"), Prompt = null! })),

        // Face consistency
        ["sdxl-instantid: empty prompt"] = ("SdxlInstantIdRequest.Prompt", c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Face, Prompt = "" })),
        ["sdxl-instantid: video as reference face"] = ("SdxlInstantIdRequest.ReferenceImage", c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Clip, Prompt = "p" })),
        ["sdxl-instantid: zero steps"] = ("SdxlInstantIdRequest.Steps", c => c.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest { ReferenceImage = Face, Prompt = "p", Steps = 0 })),
        ["flux-pulid: missing reference face"] = ("FluxPulidRequest.ReferenceImage", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = null!, Prompt = "p" })),
        ["flux-pulid: end after 1"] = ("FluxPulidRequest.EndAt", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", EndAt = 1.5 })),
        ["flux-pulid: negative start"] = ("FluxPulidRequest.StartAt", c => c.Face.FluxPulidAsync(new FluxPulidRequest { ReferenceImage = Face, Prompt = "p", StartAt = -0.1 })),
        ["flux-ipadapter: blank prompt"] = ("FluxIpAdapterFaceIdRequest.Prompt", c => c.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = Face, Prompt = "  " })),
        ["flux-ipadapter: negative cfg start step"] = ("FluxIpAdapterFaceIdRequest.TimestepToStartCfg", c => c.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = Face, Prompt = "p", TimestepToStartCfg = -1 })),
        ["flux-ipadapter: zero width"] = ("FluxIpAdapterFaceIdRequest.Width", c => c.Face.FluxIpAdapterFaceIdAsync(new FluxIpAdapterFaceIdRequest { ReferenceImage = Face, Prompt = "p", Width = 0 })),

        // Video
        ["wan2.6: missing prompt"] = ("Wan26Request.Prompt", c => c.Video.Wan26Async(new Wan26Request { Prompt = null! })),
        ["wan2.6: 242 frames"] = ("Wan26Request.FrameCount", c => c.Video.Wan26Async(new Wan26Request { Prompt = "p", FrameCount = 242 })),
        ["wan2.6: width above 1920"] = ("Wan26Request.Width", c => c.Video.Wan26Async(new Wan26Request { Prompt = "p", Width = 1921 })),
        ["wan2.6: zero fps"] = ("Wan26Request.Fps", c => c.Video.Wan26Async(new Wan26Request { Prompt = "p", Fps = 0 })),
        ["wan2.6-r2v: missing reference videos"] = ("Wan26R2VRequest.ReferenceVideos", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = null!, Prompt = "p" })),
        ["wan2.6-r2v: null reference video"] = ("Wan26R2VRequest.ReferenceVideos[0]", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [null!], Prompt = "p" })),
        ["wan2.6-r2v: empty prompt"] = ("Wan26R2VRequest.Prompt", c => c.Video.Wan26R2VAsync(new Wan26R2VRequest { ReferenceVideos = [Clip], Prompt = "" })),
        ["wan2.6-lora: missing LoRA"] = ("Wan26LoraRequest.Lora", c => c.Video.Wan26LoraAsync(new Wan26LoraRequest { Lora = null!, Prompt = "p" })),
        ["video-faceswap: missing source video"] = ("VideoFaceSwapRequest.SourceVideo", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = null!, ReferenceImage = Face })),
        ["video-faceswap: missing reference face"] = ("VideoFaceSwapRequest.ReferenceImage", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = Clip, ReferenceImage = null! })),
        ["video-faceswap: negative fps"] = ("VideoFaceSwapRequest.Fps", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = Clip, ReferenceImage = Face, Fps = -30 })),
        ["video-faceswap: negative restore visibility"] = ("VideoFaceSwapRequest.FaceRestoreVisibility", c => c.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = Clip, ReferenceImage = Face, FaceRestoreVisibility = -0.1 })),

        // Upscale
        ["seedvr2: video as image"] = ("SeedVr2Request.SourceImage", c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Clip })),
        ["seedvr2: max resolution 16385"] = ("SeedVr2Request.MaxResolution", c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, MaxResolution = 16_385 })),
        ["seedvr2: negative seed"] = ("SeedVr2Request.Seed", c => c.Upscale.SeedVr2Async(new SeedVr2Request { SourceImage = Face, Seed = -1 })),

        // Edit
        ["qwen-edit: missing source image"] = ("QwenImageEditRequest.SourceImage", c => c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = null!, Instruction = "x" })),
        ["qwen-edit: absurd instruction"] = ("QwenImageEditRequest.Instruction", c => c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = Face, Instruction = Huge })),
        ["qwen-edit: negative cfg"] = ("QwenImageEditRequest.Cfg", c => c.Edit.QwenImageEditAsync(new QwenImageEditRequest { SourceImage = Face, Instruction = "x", Cfg = -1 })),
        ["qwen-inpaint: blank prompt"] = ("QwenImageInpaintRequest.Prompt", c => c.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = Face, MaskImage = Face, Prompt = "  " })),
        ["qwen-inpaint: video as mask"] = ("QwenImageInpaintRequest.MaskImage", c => c.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = Face, MaskImage = Clip, Prompt = "p" })),
        ["qwen-inpaint: zero steps"] = ("QwenImageInpaintRequest.Steps", c => c.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = Face, MaskImage = Face, Prompt = "p", Steps = 0 })),

        // Null requests on families other than Flux
        ["video: null request"] = ("Wan26Request", c => c.Video.Wan26Async(null!)),
        ["upscale: null request"] = ("SeedVr2Request", c => c.Upscale.SeedVr2Async(null!)),
        ["edit: null request"] = ("QwenImageEditRequest", c => c.Edit.QwenImageEditAsync(null!)),
    };

    /// <summary>Bad media and LoRA names fail where the value is built, before a request can even be written.</summary>
    private static readonly Dictionary<string, (string Parameter, Func<Task> Build)> Values = new()
    {
        ["media: empty bytes"] = ("content", () => Task.FromResult(ModalMedia.FromBytes(ReadOnlyMemory<byte>.Empty))),
        ["media: text bytes"] = ("content", () => Task.FromResult(ModalMedia.FromBytes("hello, not an image"u8.ToArray()))),
        ["media: path that does not exist"] = ("path", () => ModalMedia.FromFileAsync(Path.Combine(Path.GetTempPath(), "modal-reliability-missing", "face.png"))),
        ["media: empty file"] = ("path", () => WithTempFile([], ModalMedia.FromFileAsync)),
        ["media: text file"] = ("path", () => WithTempFile("name,age\nfox,3\n"u8.ToArray(), ModalMedia.FromFileAsync)),
        ["media: empty stream"] = ("stream", () => ModalMedia.FromStreamAsync(new MemoryStream())),
        ["media: data URL with bad base64"] = ("dataUrl", () => Task.FromResult(ModalMedia.FromDataUrl("data:image/png;base64,@@not-base64@@"))),
        ["media: http URL instead of data URL"] = ("dataUrl", () => Task.FromResult(ModalMedia.FromDataUrl("https://example.com/face.png"))),
        ["media: data URL of a text file"] = ("dataUrl", () => Task.FromResult(ModalMedia.FromDataUrl("data:image/png;base64," + Convert.ToBase64String("plain text"u8.ToArray())))),
        ["lora: backslash path"] = ("name", () => Task.FromResult(LoraReference.ByName("..\\models\\x"))),
        ["lora: id with a space"] = ("id", () => Task.FromResult(LoraReference.ById("character 42"))),
        ["lora: non-ASCII id"] = ("id", () => Task.FromResult(LoraReference.ById("été"))),
        ["lora: 201-character id"] = ("id", () => Task.FromResult(LoraReference.ById(new string('a', 201)))),
        ["lora: inner dot-dot"] = ("name", () => Task.FromResult(LoraReference.ByName("x..y"))),
        ["lora: whitespace name"] = ("name", () => Task.FromResult(LoraReference.ByName("   "))),
    };

    /// <summary>Invalid options: each is refused at start with a message that names the option and the fix.</summary>
    private static readonly Dictionary<string, (string Option, Action<ModalClientOptions> Configure)> Options = new()
    {
        ["workspace: leading hyphen"] = ("Workspace", o => o.Workspace = "-ryla"),
        ["workspace: underscore"] = ("Workspace", o => o.Workspace = "ryla_prod"),
        ["workspace: non-ASCII"] = ("Workspace", o => o.Workspace = "ryła"),
        ["workspace: whitespace"] = ("Workspace", o => o.Workspace = "   "),
        ["workspace: dotted"] = ("Workspace", o => o.Workspace = "ryla.modal"),
        ["base URL: https with credentials"] = ("BaseUrl", o => o.BaseUrl = new Uri("https://user:pw-9x@gateway.example/")),
        ["app URL: plain http with credentials"] = ("AppUrls[\"ryla-flux\"]", o => o.AppUrls["ryla-flux"] = new Uri("http://key:pw-9x@127.0.0.1:9/")),
        ["base URL: query string"] = ("BaseUrl", o => o.BaseUrl = new Uri("https://gateway.example/?token=pw-9x")),
        ["timeout: negative"] = ("Timeout", o => o.Timeout = TimeSpan.FromSeconds(-1)),
        ["endpoint timeout: zero"] = ("EndpointTimeouts[\"/flux\"]", o => o.EndpointTimeouts["/flux"] = TimeSpan.Zero),
        ["concurrency: zero"] = ("MaxConcurrentCallsPerApp", o => o.MaxConcurrentCallsPerApp = 0),
        ["concurrency: 1001"] = ("MaxConcurrentCallsPerApp", o => o.MaxConcurrentCallsPerApp = 1001),
        ["retries: negative"] = ("Retry.MaxRetryAttempts", o => o.Retry.MaxRetryAttempts = -1),
        ["poll retries: 21"] = ("Retry.MaxPollRetries", o => o.Retry.MaxPollRetries = 21),
        ["breaker: zero failure ratio"] = ("CircuitBreaker.FailureRatio", o => o.CircuitBreaker.FailureRatio = 0),
        ["breaker: throughput 1"] = ("CircuitBreaker.MinimumThroughput", o => o.CircuitBreaker.MinimumThroughput = 1),
    };

    private readonly SharedClient _shared = shared;

    public static TheoryData<string> RequestCases() => [.. Requests.Keys];

    public static TheoryData<string> ValueCases() => [.. Values.Keys];

    public static TheoryData<string> OptionCases() => [.. Options.Keys];

    [Fact]
    public void Corpus_HasAtLeastFortyInvalidRequestsCoveringEveryFamily()
    {
        Assert.True(Requests.Count >= 40, $"{Requests.Count} invalid requests");
        var families = Requests.Values.Select(r => r.Property.Split('.')[0]).Distinct().ToList();
        Assert.Contains(families, f => f.StartsWith("Flux", StringComparison.Ordinal) && !f.Contains("Pulid", StringComparison.Ordinal));
        Assert.All(
            new[] { "Sdxl", "Qwen", "ZImage", "SdxlInstantId", "FluxPulid", "FluxIpAdapter", "Wan26", "VideoFaceSwap", "SeedVr2", "QwenImageEdit", "QwenImageInpaint" },
            prefix => Assert.Contains(families, f => f.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task InvalidRequest_AnyFamily_ThrowsArgumentExceptionNamingFieldAndFix_AndSendsNothing(string name)
    {
        var (property, call) = Requests[name];
        _shared.Fake.Journal.Reset();

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(_shared.Harness.Client));

        Assert.Equal(property, ex.ParamName);
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
        AssertNamesAFix(ex.Message);
        Assert.True(ex.Message.Length < 1_000, "The message quotes the bad value in full.");
        Assert.Empty(_shared.Fake.Journal.All);
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public async Task InvalidMediaOrLora_ThrowsArgumentExceptionNamingParameterAndFix(string name)
    {
        var (parameter, build) = Values[name];

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(build);

        Assert.Equal(parameter, ex.ParamName);
        AssertNamesAFix(ex.Message);
    }

    [Theory]
    [MemberData(nameof(OptionCases))]
    public async Task InvalidOptions_FailBeforeAnyRequest_NamingOptionAndFix(string name)
    {
        var (option, configure) = Options[name];

        var ex = await AssertOptionsRejectedAsync(configure);

        Assert.Contains(option, ex.Message, StringComparison.Ordinal);
        AssertNamesAFix(ex.Message);
        Assert.DoesNotContain("pw-9x", ex.Message, StringComparison.Ordinal);
    }

    // ---- Regression tests for defects this corpus found: options the SDK accepts although they cannot work ----------

    [Fact]
    public async Task Options_ZeroResultPollTimeout_FailsValidationNamingResultPollTimeout()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.ResultPollTimeout = TimeSpan.Zero);
        Assert.Contains(nameof(ModalClientOptions.ResultPollTimeout), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ZeroHealthCheckTimeout_FailsValidationNamingHealthCheckTimeout()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.HealthCheckTimeout = TimeSpan.Zero);
        Assert.Contains(nameof(ModalClientOptions.HealthCheckTimeout), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ZeroWarmUpTimeout_FailsValidationNamingWarmUpTimeout()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.WarmUpTimeout = TimeSpan.Zero);
        Assert.Contains(nameof(ModalClientOptions.WarmUpTimeout), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_NegativeRetryBaseDelay_FailsValidationNamingRetryBaseDelay()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.Retry.BaseDelay = TimeSpan.FromSeconds(-1));
        Assert.Contains("Retry.BaseDelay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ZeroCircuitBreakerBreakDuration_FailsValidationNamingIt()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.CircuitBreaker.BreakDuration = TimeSpan.Zero);
        Assert.Contains("CircuitBreaker.BreakDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ZeroCircuitBreakerSamplingDuration_FailsValidationNamingIt()
    {
        var ex = await AssertOptionsRejectedAsync(o => o.CircuitBreaker.SamplingDuration = TimeSpan.Zero);
        Assert.Contains("CircuitBreaker.SamplingDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ProxyAuthOverPlainHttpToRemoteHost_FailsValidation()
    {
        // Modal-Secret would cross the network in clear text. Loopback (a fake deployment) stays allowed.
        var ex = await AssertOptionsRejectedAsync(o =>
        {
            o.AppUrls["ryla-z-image"] = new Uri("http://modal-gateway.invalid/");
            o.ProxyAuth = new ModalProxyAuth { TokenId = "wk-1", TokenSecret = "ws-pw-9x" };
        });
        Assert.Contains("ProxyAuth", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-9x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ProxyAuthWithoutSecret_FailsValidation()
    {
        // Half a token sends no proxy-auth headers at all (ProxyAuthHandler needs both), so every call gets a 401.
        var ex = await AssertOptionsRejectedAsync(o => o.ProxyAuth = new ModalProxyAuth { TokenId = "wk-1", TokenSecret = "" });
        Assert.Contains("ProxyAuth", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertNamesAFix(string message) =>
        Assert.True(FixWords.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase)), $"The message names no fix: {message}");

    /// <summary>Builds a client with <paramref name="configure"/> on top of a valid fake setup, then calls it.</summary>
    private async Task<OptionsValidationException> AssertOptionsRejectedAsync(Action<ModalClientOptions> configure)
    {
        _shared.Fake.Journal.Reset();
        using var harness = new ModalHarness(_shared.Fake, configure);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            _ = harness.Services.GetRequiredService<IOptionsMonitor<ModalClientOptions>>().CurrentValue;
            await Representative.Image.CallAsync(harness.Client, 1, "must not be sent");
        });

        Assert.Empty(_shared.Fake.Journal.All);
        return ex;
    }

    private static async Task WithTempFile(byte[] content, Func<string, CancellationToken, Task<ModalMedia>> read)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, content);
            await read(path, CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One fake deployment and one client for the class; every case checks the fake received nothing.</summary>
    public sealed class SharedClient : IDisposable
    {
        public SharedClient()
        {
            Fake = FakeModalDeployment.Start();
            Harness = new ModalHarness(Fake);
        }

        public FakeModalDeployment Fake { get; }

        internal ModalHarness Harness { get; }

        public void Dispose()
        {
            Harness.Dispose();
            Fake.Dispose();
        }
    }
}
