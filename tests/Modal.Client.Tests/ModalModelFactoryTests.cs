using System.Reflection;
using Modal.Client.Testing;

namespace Modal.Client.Tests;

/// <summary>
/// <see cref="ModalModelFactory"/> builds every result and exception with exactly the data given, so consumers' tests can
/// return and throw them from substitutes; sizes and frames come from the bytes when not given.
/// </summary>
public sealed class ModalModelFactoryTests
{
    private static readonly ModalCost Reported = new(0.045m, ModalCostSource.Reported);

    [Fact]
    public void GeneratedImage_AllDataGiven_CarriesEachValue()
    {
        var bytes = FakeMedia.Png(64, 32);

        var image = ModalModelFactory.GeneratedImage(
            bytes, ModalEndpoint.FluxPulid, seed: 7, duration: TimeSpan.FromSeconds(83), cost: Reported, callId: "fc-01",
            format: MediaFormat.Jpeg, width: 1024, height: 768, resultUrlPolls: 2, retries: 1, queueTime: TimeSpan.FromSeconds(3),
            serverContentType: "image/jpeg", filePath: "/tmp/out.jpg", length: 123_456);

        Assert.Throws<InvalidOperationException>(() => image.Content);   // a file result is not held in memory
        Assert.Same(ModalEndpoint.FluxPulid, image.Endpoint);
        Assert.Equal(7L, image.Seed);
        Assert.Equal(TimeSpan.FromSeconds(83), image.Duration);
        Assert.Equal(Reported, image.Cost);
        Assert.Equal("fc-01", image.CallId);
        Assert.Equal(MediaFormat.Jpeg, image.Format);
        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Equal(".jpg", image.FileExtension);
        Assert.Equal(1024, image.Width);
        Assert.Equal(768, image.Height);
        Assert.Equal(2, image.ResultUrlPolls);
        Assert.Equal(1, image.Retries);
        Assert.Equal(TimeSpan.FromSeconds(3), image.QueueTime);
        Assert.Equal("image/jpeg", image.ServerContentType);
        Assert.Equal("/tmp/out.jpg", image.FilePath);
        Assert.Equal(123_456L, image.Length);
    }

    [Fact]
    public async Task GeneratedImage_FilePathOfARealFile_ReadContentAsyncReadsTheFile()
    {
        var bytes = FakeMedia.Png(64, 64, label: "file");
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "result.png");
        await File.WriteAllBytesAsync(path, bytes);

        var image = ModalModelFactory.GeneratedImage(bytes.AsMemory(0, 64), ModalEndpoint.ZImageDanrisi, filePath: path, length: bytes.Length);

        Assert.Equal(bytes, (await image.ReadContentAsync()).ToArray());
        Assert.Equal((64, 64), (image.Width, image.Height));   // read from the first bytes given
        Assert.Equal(bytes.Length, image.Length);
    }

    [Fact]
    public void GeneratedImage_InMemory_ContentIsTheBytesGiven()
    {
        var bytes = FakeMedia.Png(64, 64);

        Assert.Equal(bytes, ModalModelFactory.GeneratedImage(bytes).Content.ToArray());
    }

    [Fact]
    public void GeneratedImage_OnlyBytes_ReadsFormatSizeAndLengthFromThem()
    {
        var bytes = FakeMedia.Png(96, 40);

        var image = ModalModelFactory.GeneratedImage(bytes);

        Assert.Equal(MediaFormat.Png, image.Format);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(96, image.Width);
        Assert.Equal(40, image.Height);
        Assert.Equal(bytes.Length, image.Length);
        Assert.Same(ModalEndpoint.FluxSchnell, image.Endpoint);
        Assert.Null(image.Seed);
        Assert.Null(image.CallId);
        Assert.Null(image.FilePath);
        Assert.Equal(0, image.Retries);
        Assert.Equal(new ModalCost(0m, ModalCostSource.Estimated), image.Cost);
    }

    [Fact]
    public void GeneratedImage_JpegBytesWithoutSize_ReadsTheSizeFromTheJpegHeader()
    {
        var image = ModalModelFactory.GeneratedImage(FakeMedia.Jpeg(120, 80), ModalEndpoint.QwenImageInpaint);

        Assert.Equal(MediaFormat.Jpeg, image.Format);
        Assert.Equal((120, 80), (image.Width, image.Height));
    }

    [Fact]
    public void GeneratedImage_OnlyWidthGiven_KeepsItAndReadsTheHeight()
    {
        var image = ModalModelFactory.GeneratedImage(FakeMedia.Png(64, 48), width: 1000);

        Assert.Equal((1000, 48), (image.Width, image.Height));
    }

    [Fact]
    public void GeneratedVideo_AllDataGiven_CarriesEachValue()
    {
        var bytes = FakeMedia.Mp4(64, 64, durationMs: 1000);

        var video = ModalModelFactory.GeneratedVideo(
            bytes, ModalEndpoint.VideoFaceSwap, seed: 3, duration: TimeSpan.FromSeconds(85), cost: Reported, callId: "fc-02",
            format: MediaFormat.Mp4, width: 720, height: 1280, frameCount: 121, playbackDuration: TimeSpan.FromSeconds(5),
            resultUrlPolls: 4, retries: 0, queueTime: TimeSpan.FromSeconds(1), serverContentType: "video/mp4", filePath: "/tmp/v.mp4", length: 9_000_000);

        Assert.Throws<InvalidOperationException>(() => video.Content);
        Assert.Same(ModalEndpoint.VideoFaceSwap, video.Endpoint);
        Assert.Equal(3L, video.Seed);
        Assert.Equal(TimeSpan.FromSeconds(85), video.Duration);
        Assert.Equal(Reported, video.Cost);
        Assert.Equal("fc-02", video.CallId);
        Assert.Equal(MediaFormat.Mp4, video.Format);
        Assert.Equal("video/mp4", video.MediaType);
        Assert.False(video.IsAnimatedWebP);
        Assert.Equal(720, video.Width);
        Assert.Equal(1280, video.Height);
        Assert.Equal(121, video.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(5), video.PlaybackDuration);
        Assert.Equal(4, video.ResultUrlPolls);
        Assert.Equal(0, video.Retries);
        Assert.Equal(TimeSpan.FromSeconds(1), video.QueueTime);
        Assert.Equal("video/mp4", video.ServerContentType);
        Assert.Equal("/tmp/v.mp4", video.FilePath);
        Assert.Equal(9_000_000L, video.Length);
    }

    [Fact]
    public void GeneratedVideo_OnlyMp4Bytes_ReadsSizeFramesAndPlaybackFromThem()
    {
        var bytes = FakeMedia.Mp4(80, 48, durationMs: 1000);

        var video = ModalModelFactory.GeneratedVideo(bytes);

        Assert.Same(ModalEndpoint.Wan26, video.Endpoint);
        Assert.Equal(MediaFormat.Mp4, video.Format);
        Assert.Equal((80, 48), (video.Width, video.Height));
        Assert.Equal(25, video.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(1), video.PlaybackDuration);
        Assert.Equal(bytes.Length, video.Length);
    }

    [Fact]
    public void GeneratedVideo_OnlyAnimatedWebPBytes_ReadsSizeAndFramesFromThem()
    {
        var video = ModalModelFactory.GeneratedVideo(FakeMedia.AnimatedWebP(72, 40, frames: 3), ModalEndpoint.Wan26);

        Assert.True(video.IsAnimatedWebP);
        Assert.Equal("image/webp", video.MediaType);
        Assert.Equal((72, 40), (video.Width, video.Height));
        Assert.Equal(3, video.FrameCount);
    }

    [Fact]
    public void ModalApiException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalApiException(
            ModalEndpoint.FluxDev, "Workflow execution failed", statusCode: 503, gpuWorkMayHaveRun: false, serverErrorType: "RuntimeError",
            serverTraceback: "Traceback ...", app: "ryla-flux-dev", callId: "fc-03", message: "custom message");

        Assert.Equal("custom message", error.Message);
        Assert.Same(ModalEndpoint.FluxDev, error.Endpoint);
        Assert.Equal("Workflow execution failed", error.ServerMessage);
        Assert.Equal(503, error.StatusCode);
        Assert.False(error.GpuWorkMayHaveRun);
        Assert.Equal("RuntimeError", error.ServerErrorType);
        Assert.Equal("Traceback ...", error.ServerTraceback);
        Assert.Equal("ryla-flux-dev", error.App);
        Assert.Equal("fc-03", error.CallId);
    }

    [Fact]
    public void ModalApiException_Defaults_BuildsTheMessageAndTakesTheEndpointsApp()
    {
        var error = ModalModelFactory.ModalApiException(ModalEndpoint.FluxDev, "Workflow execution failed");

        Assert.Equal("/flux-dev failed with HTTP 500: Workflow execution failed", error.Message);
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.GpuWorkMayHaveRun);
        Assert.Equal(ModalEndpoint.FluxDev.App!.Name, error.App);
        Assert.Null(error.ServerTraceback);
    }

    [Fact]
    public void ModalPlatformException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalPlatformException(
            ModalEndpoint.ZImageDanrisi, ModalPlatformError.RateLimited, "Too Many Requests", statusCode: 429, gpuWorkMayHaveRun: false,
            retryAfter: TimeSpan.FromSeconds(12), app: "ryla-z-image", callId: "fc-04");

        Assert.Same(ModalEndpoint.ZImageDanrisi, error.Endpoint);
        Assert.Equal(ModalPlatformError.RateLimited, error.Error);
        Assert.Equal("Too Many Requests", error.PlatformMessage);
        Assert.Equal(429, error.StatusCode);
        Assert.False(error.GpuWorkMayHaveRun);
        Assert.Equal(TimeSpan.FromSeconds(12), error.RetryAfter);
        Assert.Equal("ryla-z-image", error.App);
        Assert.Equal("fc-04", error.CallId);
        Assert.Equal("/z-image-danrisi: platform error RateLimited: Too Many Requests", error.Message);
    }

    [Fact]
    public void ModalTimeoutException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalTimeoutException(ModalEndpoint.SeedVr2, TimeSpan.FromMinutes(13), gpuWorkMayHaveRun: false, callId: "fc-05", message: "late");

        Assert.Equal("late", error.Message);
        Assert.Same(ModalEndpoint.SeedVr2, error.Endpoint);
        Assert.Equal(TimeSpan.FromMinutes(13), error.Budget);
        Assert.False(error.GpuWorkMayHaveRun);
        Assert.Equal("fc-05", error.CallId);
        Assert.Equal(ModalEndpoint.SeedVr2.App!.Name, error.App);
    }

    [Fact]
    public void ModalTransportException_AllDataGiven_CarriesEachValue()
    {
        var cause = new IOException("connection reset");

        var error = ModalModelFactory.ModalTransportException(ModalEndpoint.Wan26, gpuWorkMayHaveRun: true, statusCode: 502, callId: "fc-06", message: "reset", innerException: cause);

        Assert.Equal("reset", error.Message);
        Assert.Same(ModalEndpoint.Wan26, error.Endpoint);
        Assert.True(error.GpuWorkMayHaveRun);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("fc-06", error.CallId);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public void ModalResultLostException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalResultLostException(ModalEndpoint.Wan26, callId: "fc-07", statusCode: 408);

        Assert.Same(ModalEndpoint.Wan26, error.Endpoint);
        Assert.Equal("fc-07", error.CallId);
        Assert.Equal(408, error.StatusCode);
        Assert.True(error.GpuWorkMayHaveRun);
        Assert.Equal("/wan2.6: the GPU job ran and was probably billed, but its result could not be retrieved.", error.Message);
    }

    [Fact]
    public void ModalInvalidResponseException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalInvalidResponseException(ModalEndpoint.FluxDev, receivedBytes: 512, serverContentType: "text/html", callId: "fc-08");

        Assert.Same(ModalEndpoint.FluxDev, error.Endpoint);
        Assert.Equal(512L, error.ReceivedBytes);
        Assert.Equal("text/html", error.ServerContentType);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("fc-08", error.CallId);
    }

    [Fact]
    public void ModalBudgetExceededException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalBudgetExceededException(ModalEndpoint.SeedVr2, estimateUsd: 0.113m, limitUsd: 0.05m, remainingUsd: 0.05m);

        Assert.Same(ModalEndpoint.SeedVr2, error.Endpoint);
        Assert.Equal(0.113m, error.EstimateUsd);
        Assert.Equal(0.05m, error.LimitUsd);
        Assert.Equal(0.05m, error.RemainingUsd);
        Assert.False(error.GpuWorkMayHaveRun);
    }

    [Fact]
    public void ModalCircuitOpenException_OptedInRetry_SaysGpuWorkMayHaveRun()
    {
        var error = ModalModelFactory.ModalCircuitOpenException(ModalEndpoint.FluxDev, retryAfter: TimeSpan.FromSeconds(30), gpuWorkMayHaveRun: true);

        Assert.Same(ModalEndpoint.FluxDev, error.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.True(error.GpuWorkMayHaveRun);
        Assert.Equal(ModalEndpoint.FluxDev.App!.Name, error.App);
    }

    [Fact]
    public void ModalEndpointNotDeployedException_NoAlternativeGiven_TakesTheCatalogs()
    {
        var error = ModalModelFactory.ModalEndpointNotDeployedException(ModalEndpoint.SdxlTurbo);

        Assert.Same(ModalEndpoint.SdxlTurbo, error.Endpoint);
        Assert.Equal(ModalEndpoint.SdxlTurbo.Alternative, error.Alternative);
        Assert.Equal(404, error.StatusCode);
        Assert.False(error.GpuWorkMayHaveRun);
    }

    [Fact]
    public void ModalEndpointNotDeployedException_AlternativeGiven_CarriesIt()
    {
        var error = ModalModelFactory.ModalEndpointNotDeployedException(ModalEndpoint.SdxlLightning, ModalEndpoint.ZImageDanrisi, message: "gone");

        Assert.Equal("gone", error.Message);
        Assert.Same(ModalEndpoint.ZImageDanrisi, error.Alternative);
    }

    [Fact]
    public void ModalEndpointUnavailableException_RemovedEndpoint_CarriesStatusAndAlternative()
    {
        ModalCatalog.TryFind("/wan2", out var wan2);

        var error = ModalModelFactory.ModalEndpointUnavailableException(wan2!);

        Assert.Same(wan2, error.Endpoint);
        Assert.Equal(ModalEndpointStatus.Removed, error.Status);
        Assert.Same(ModalEndpoint.Wan26, error.Alternative);
        Assert.False(error.GpuWorkMayHaveRun);
    }

    [Fact]
    public void ModalLoraNotFoundException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalLoraNotFoundException(ModalEndpoint.FluxDevLora, "flux-character-abc.safetensors");

        Assert.Same(ModalEndpoint.FluxDevLora, error.Endpoint);
        Assert.Equal("flux-character-abc.safetensors", error.LoraFile);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public void ModalResultTooLargeException_AllDataGiven_CarriesEachValue()
    {
        var error = ModalModelFactory.ModalResultTooLargeException(ModalEndpoint.Wan26, resultBytes: 2_000_000_000, maxResultBytes: 1L << 30, callId: "fc-09");

        Assert.Same(ModalEndpoint.Wan26, error.Endpoint);
        Assert.Equal(2_000_000_000L, error.ResultBytes);
        Assert.Equal(1L << 30, error.MaxResultBytes);
        Assert.Equal("fc-09", error.CallId);
        Assert.True(error.GpuWorkMayHaveRun);
    }

    [Fact]
    public void ModalModelFactory_EveryConcreteModalException_HasAFactoryMethod()
    {
        var concrete = typeof(ModalException).Assembly.GetExportedTypes()
            .Where(t => typeof(ModalException).IsAssignableFrom(t) && !t.IsAbstract && t != typeof(ModalException))
            .Select(t => t.Name).Order().ToList();
        var built = typeof(ModalModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.ReturnType).Where(t => typeof(ModalException).IsAssignableFrom(t))
            .Select(t => t.Name).Distinct().Order().ToList();

        Assert.Equal(concrete, built);
    }

    [Fact]
    public void ModalApiException_NullEndpoint_ThrowsArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ModalModelFactory.ModalApiException(null!, "x"));

        Assert.Equal("endpoint", error.ParamName);
    }
}
