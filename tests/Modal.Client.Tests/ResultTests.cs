using System.Text.Json.Nodes;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Modal.Client.Tests;

/// <summary>Seeds, cost, call ids, 303 result URLs and saving.</summary>
public sealed class ResultTests : IDisposable
{
    private readonly WireMockModal _modal = new();

    public void Dispose() => _modal.Dispose();

    private void AnswerPng(string? costHeader = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png(16, 8));
        if (costHeader is not null)
        {
            response = response.WithHeader("x-cost-usd", costHeader);
        }

        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Flux, "/flux")).UsingPost()).RespondWith(response);
    }

    [Fact]
    public async Task Seed_WhenUnset_SdkSendsRandomSeedAndReportsIt()
    {
        AnswerPng();

        var first = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });
        var second = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });

        var sent = _modal.Requests.Select(r => JsonNode.Parse(r.RequestMessage!.Body!)!["seed"]!.GetValue<long>()).ToList();
        Assert.Equal([first.Seed!.Value, second.Seed!.Value], sent);
        Assert.NotEqual(first.Seed, second.Seed);
        Assert.All(sent, s => Assert.InRange(s, 0, int.MaxValue));
    }

    [Fact]
    public async Task Seed_WhenSet_IsSentUnchanged()
    {
        AnswerPng();

        var result = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox", Seed = 42 });

        Assert.Equal(42, result.Seed);
        Assert.Equal(42, _modal.SingleJsonBody()["seed"]!.GetValue<long>());
    }

    [Fact]
    public async Task Cost_ReportedLowerCaseHeader_IsUsedAsReported()
    {
        AnswerPng(costHeader: "0.006825");

        var result = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });

        Assert.Equal(new ModalCost(0.006825m, ModalCostSource.Reported), result.Cost);
        Assert.False(result.Cost.IsEstimate);
    }

    [Fact]
    public async Task Result_PngLabelledJpeg_ExposesRealTypeSizeAndExtension()
    {
        AnswerPng();

        var result = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });

        Assert.Equal(MediaFormat.Png, result.Format);
        Assert.Equal("image/png", result.MediaType);
        Assert.Equal(".png", result.FileExtension);
        Assert.Equal("image/jpeg", result.ServerContentType);
        Assert.Equal(16, result.Width);
        Assert.Equal(8, result.Height);
        Assert.Equal(ModalCostSource.Estimated, result.Cost.Source);
    }

    [Fact]
    public async Task SaveAsync_WritesTheBytes()
    {
        AnswerPng();
        var result = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });
        var path = Path.Combine(Path.GetTempPath(), $"modal-{Guid.NewGuid():N}", "out" + result.FileExtension);

        await result.SaveAsync(path);

        Assert.Equal(result.Content.ToArray(), await File.ReadAllBytesAsync(path));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task SeeOther_ChainOfResultUrls_IsFollowedWithGetsAndNeverRePosted()
    {
        var path = WireMockModal.PathOf(ModalApp.Flux, "/flux");
        var resultUrl = $"{_modal.Server.Url}{path}?__modal_function_call_id=fc-abc";
        _modal.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", resultUrl));
        _modal.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("poll").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", resultUrl));
        _modal.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("poll").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(TestMedia.Png()));

        var result = await _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });

        Assert.Equal(MediaFormat.Png, result.Format);
        Assert.Equal("fc-abc", result.CallId);
        Assert.Equal(["POST", "GET", "GET"], _modal.Requests.Select(r => r.RequestMessage!.Method).ToArray());
        Assert.All(_modal.Requests.Skip(1), r => Assert.Contains("__modal_function_call_id=fc-abc", r.RequestMessage!.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Budget_Exceeded_ThrowsTimeoutSayingWorkMayStillRun()
    {
        using var modal = new WireMockModal(o => o.EndpointTimeouts["/flux"] = TimeSpan.FromMilliseconds(300));
        modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Flux, "/flux")).UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(2)).WithStatusCode(200).WithBody(TestMedia.Png()));

        var ex = await Assert.ThrowsAsync<ModalTimeoutException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Budget);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Contains("may still run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_AfterSend_SaysJobMayStillRun()
    {
        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Flux, "/flux")).UsingPost())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(2)).WithStatusCode(200).WithBody(TestMedia.Png()));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }, cancellationToken: cts.Token));

        Assert.Contains("may still run", ex.Message, StringComparison.Ordinal);
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task Result_ComfyAnimatedWebP_ReportsCanvasFramesAndTiming()
    {
        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Wan26, "/wan2.6")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/webp").WithBody(MediaFixtures.Read("wan.webp")));

        var video = await _modal.Client.Video.Wan26Async(new Wan26Request { Prompt = "waves" });

        Assert.True(video.IsAnimatedWebP);
        Assert.Equal((40, 24), (video.Width, video.Height));
        Assert.Equal(5, video.FrameCount);
        Assert.Equal(TimeSpan.FromMilliseconds(310), video.PlaybackDuration);
        Assert.Equal(16.129, video.FrameRate);
    }

    [Theory]
    [InlineData("vhs.mp4")]
    [InlineData("faststart.mp4")]
    public async Task Result_H264Mp4_ReportsTrackSizeFramesAndTiming(string file)
    {
        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.QwenImage, "/video-faceswap")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "video/mp4").WithBody(MediaFixtures.Read(file)));

        var video = await _modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = TestMedia.PngMedia() });

        Assert.Equal(MediaFormat.Mp4, video.Format);
        Assert.Equal((64, 48), (video.Width, video.Height));
        Assert.Equal(17, video.FrameCount);
        Assert.Equal(16.0, video.FrameRate);
        Assert.Equal(TimeSpan.FromSeconds(1.0625), video.PlaybackDuration);
    }

    [Theory]
    [InlineData("pil-q95.jpg", MediaFormat.Jpeg)]
    [InlineData("progressive.jpg", MediaFormat.Jpeg)]
    [InlineData("lossy.webp", MediaFormat.WebP)]
    [InlineData("lossless.webp", MediaFormat.WebP)]
    [InlineData("alpha.webp", MediaFormat.WebP)]
    public async Task Result_JpegOrWebP_ReportsPixelSize(string file, MediaFormat format)
    {
        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.QwenImage, "/qwen-image-inpaint-2511")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(MediaFixtures.Read(file)));

        var image = await _modal.Client.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = TestMedia.PngMedia(), MaskImage = TestMedia.PngMedia(), Prompt = "a hat" });

        Assert.Equal(format, image.Format);
        Assert.Equal((40, 24), (image.Width, image.Height));
    }

    [Fact]
    public async Task Result_FromTheFakeWan_ReportsTheFlooredSizeAnd4nPlus1Frames()
    {
        using var modal = new FakeModal();

        var video = await modal.Client.Video.Wan26Async(new Wan26Request { Prompt = "waves", Width = 100, Height = 70, FrameCount = 18, Fps = 16 });

        Assert.Equal((96, 64), (video.Width, video.Height));
        Assert.Equal(17, video.FrameCount);
        Assert.Equal(TimeSpan.FromMilliseconds(17 * 62), video.PlaybackDuration);
    }

    [Fact]
    public async Task Result_FromTheFakeFaceSwap_ReportsFramesAtTheAskedRate()
    {
        using var modal = new FakeModal();

        var video = await modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = TestMedia.PngMedia(), Fps = 24 });

        Assert.Equal((512, 512), (video.Width, video.Height));
        Assert.Equal(48, video.FrameCount);
        Assert.Equal(24.0, video.FrameRate);
        Assert.Equal(TimeSpan.FromSeconds(2), video.PlaybackDuration);
    }
}
