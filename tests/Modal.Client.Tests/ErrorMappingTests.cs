using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Modal.Client.Tests;

/// <summary>Every error shape of the contract maps to the right typed exception with the right data.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private readonly WireMockModal _modal = new();

    public void Dispose() => _modal.Dispose();

    private void Answer(ModalApp app, string path, int status, string body, string contentType = "application/json", string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType)
            .WithHeader("Modal-Function-Call-Id", "fc-test123").WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(app, path)).UsingPost()).RespondWith(response);
    }

    private Task<GeneratedImage> Flux() => _modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" });

    [Fact]
    public async Task E1Detail_LoraRequired_MapsToApiExceptionBeforeWork()
    {
        Answer(ModalApp.Flux, "/flux-dev-lora", 400, """{"detail":"lora_id or lora_name is required"}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(() =>
            _modal.Client.Flux.DevLoraAsync(new FluxDevLoraRequest { Lora = LoraReference.ById("x"), Prompt = "p" }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("lora_id or lora_name is required", ex.ServerMessage);
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.Equal("/flux-dev-lora", ex.Endpoint?.Path);
        Assert.Equal("ryla-flux", ex.App);
        Assert.Equal("fc-test123", ex.CallId);
    }

    [Fact]
    public async Task E1DetailObject_KeepsObjectAsServerMessage()
    {
        Answer(ModalApp.ZImage, "/z-image-lora", 501, """{"detail":{"error":"Z-Image uses diffusers pipeline","alternatives":[]}}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(() =>
            _modal.Client.ZImage.LoraAsync(new ZImageLoraRequest { Lora = LoraReference.ById("x"), Prompt = "p" }));

        Assert.Contains("\"alternatives\"", ex.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(501, ex.StatusCode);
    }

    [Fact]
    public async Task E1LoraNotFound_MapsToLoraNotFoundWithFile()
    {
        Answer(ModalApp.Wan26, "/wan2.6-lora", 404,
            """{"detail":"LoRA not found: wan-character-42.safetensors. Train a Wan LoRA using ryla-wan-lora-training or upload to /root/models/wan-loras/"}""");

        var ex = await Assert.ThrowsAsync<ModalLoraNotFoundException>(() =>
            _modal.Client.Video.Wan26LoraAsync(new Wan26LoraRequest { Lora = LoraReference.ById("42"), Prompt = "p" }));

        Assert.Equal("wan-character-42.safetensors", ex.LoraFile);
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task E2_KeyErrorWithPath_MapsToApiExceptionWithTracebackOffMessage()
    {
        Answer(ModalApp.Flux, "/flux", 500, """{"error":"'prompt'","details":"Traceback (most recent call last):\n  File \"x.py\"\nKeyError: 'prompt'","type":"KeyError","path":"/flux"}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(Flux);

        Assert.Equal("KeyError", ex.ServerErrorType);
        Assert.Equal("'prompt'", ex.ServerMessage);
        Assert.StartsWith("Traceback", ex.ServerTraceback, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task E2_WorkflowFailure_SaysGpuWorkMayHaveRun()
    {
        Answer(ModalApp.Flux, "/flux", 500, """{"error":"Workflow execution failed (exit code 1)\nStdout: boom","details":"tb","type":"RuntimeError","path":"/flux"}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(Flux);

        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Contains("Workflow execution failed (exit code 1)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Stdout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task E3_503WorkflowFailure_IsAnAppErrorNotPlatform()
    {
        Answer(ModalApp.InstantId, "/sdxl-instantid", 503, """{"error":"Both API and infer methods failed.\nAPI Error: x\nInfer Error: 503 y","details":"tb","type":"Exception"}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => _modal.Client.Face.SdxlInstantIdAsync(
            new SdxlInstantIdRequest { ReferenceImage = TestMedia.PngMedia(), Prompt = "p" }));

        Assert.Equal(503, ex.StatusCode);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal("Exception", ex.ServerErrorType);
    }

    [Fact]
    public async Task E3_400HttpException_MapsBeforeWork()
    {
        Answer(ModalApp.InstantId, "/flux-ipadapter-faceid", 400, """{"error":"400: reference_image is required","details":"tb","type":"HTTPException"}""");

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => _modal.Client.Face.FluxIpAdapterFaceIdAsync(
            new FluxIpAdapterFaceIdRequest { ReferenceImage = TestMedia.PngMedia(), Prompt = "p" }));

        Assert.Equal("400: reference_image is required", ex.ServerMessage);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task E4_NotFound_MapsToNotDeployedWithAlternative()
    {
        Answer(ModalApp.InstantId, "/sdxl-turbo", 404, """{"detail":"Not Found"}""");

        var ex = await Assert.ThrowsAsync<ModalEndpointNotDeployedException>(() => _modal.Client.Sdxl.TurboAsync(new SdxlTurboRequest { Prompt = "p" }));

        Assert.Equal("/sdxl-turbo", ex.Endpoint?.Path);
        Assert.Contains("ryla-instantid", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Alternative);
        Assert.Contains(ex.Alternative!.Path, ex.Message, StringComparison.Ordinal);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Theory]
    [InlineData(404, "modal-http: invalid function call", ModalPlatformError.InvalidFunctionCall, false)]
    [InlineData(404, "modal-http: app for invoked web endpoint is stopped", ModalPlatformError.AppStopped, false)]
    [InlineData(404, "modal-http: workspace ryla is disabled", ModalPlatformError.WorkspaceDisabled, false)]
    [InlineData(400, "modal-http: bad redirect method", ModalPlatformError.BadRedirectMethod, false)]
    [InlineData(401, "modal-http: missing credentials for proxy authorization", ModalPlatformError.ProxyAuthMissing, false)]
    [InlineData(401, "modal-http: invalid credentials for proxy authorization", ModalPlatformError.ProxyAuthInvalid, false)]
    [InlineData(408, "Missing request, possibly due to expiry or cancellation", ModalPlatformError.ResultExpired, true)]
    [InlineData(500, "modal-http: internal error: function was terminated by signal", ModalPlatformError.TerminatedBySignal, true)]
    [InlineData(500, "modal-http: internal error: function execution timed out", ModalPlatformError.ExecutionTimedOut, true)]
    [InlineData(502, "modal-http: app sent no response", ModalPlatformError.ServerError, true)]
    public async Task E5_PlatformText_MapsToPlatformError(int status, string text, ModalPlatformError expected, bool mayHaveRun)
    {
        Answer(ModalApp.Flux, "/flux", status, text, "text/plain; charset=utf-8");

        var ex = await Assert.ThrowsAsync<ModalPlatformException>(Flux);

        Assert.Equal(expected, ex.Error);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(text, ex.PlatformMessage);
        Assert.Equal(mayHaveRun, ex.GpuWorkMayHaveRun);
        Assert.Equal("fc-test123", ex.CallId);
    }

    [Fact]
    public async Task RateLimited_CarriesRetryAfter()
    {
        using var modal = new WireMockModal(o => o.Retry.MaxRetryAttempts = 0);
        modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Flux, "/flux")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", "text/plain").WithHeader("Retry-After", "7").WithBody("modal-http: too many requests"));

        var ex = await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.Equal(ModalPlatformError.RateLimited, ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData("", "image/jpeg")]
    [InlineData("""{"status":"ok"}""", "application/json")]
    public async Task Success_WithBodyThatIsNotMedia_MapsToInvalidResponse(string body, string contentType)
    {
        Answer(ModalApp.Flux, "/flux", 200, body, contentType);

        var ex = await Assert.ThrowsAsync<ModalInvalidResponseException>(Flux);

        Assert.Equal(contentType, ex.ServerContentType);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(200, ex.StatusCode);
    }

    [Fact]
    public async Task Video_AnsweredWithStillImage_MapsToInvalidResponse()
    {
        _modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.QwenImage, "/video-faceswap")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "video/mp4").WithBody(TestMedia.Png()));

        await Assert.ThrowsAsync<ModalInvalidResponseException>(() => _modal.Client.Video.FaceSwapAsync(
            new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = TestMedia.PngMedia() }));
    }

    [Fact]
    public async Task ConnectionRefused_MapsToTransportExceptionBeforeWork()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var modal = new WireMockModal(o => o.AppUrls["ryla-flux"] = new Uri($"http://127.0.0.1:{port}/"));

        var ex = await Assert.ThrowsAsync<ModalTransportException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "p" }));

        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Theory]
    [InlineData("""{"detail":"Too Many Requests"}""", "application/json", "Too Many Requests")]
    [InlineData("""{"error":"rate limited"}""", "application/json", "rate limited")]
    [InlineData("modal-http: too many requests", "text/plain; charset=utf-8", "modal-http: too many requests")]
    [InlineData("<html><head><title>429 Too Many Requests</title></head><body></body></html>", "text/html", "429 Too Many Requests")]
    [InlineData("", "text/plain", "HTTP 429 with an empty body")]
    public async Task RateLimited_AnyBody_IsPlatformRateLimitedWithRetryAfter(string body, string contentType, string said)
    {
        using var modal = new WireMockModal(o => o.Retry.MaxRetryAttempts = 0);
        modal.Server.Given(Request.Create().WithPath(WireMockModal.PathOf(ModalApp.Flux, "/flux")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", contentType).WithHeader("Retry-After", "12")
                .WithHeader("Modal-Function-Call-Id", "fc-limited").WithBody(body));

        var ex = await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Client.Flux.SchnellAsync(new FluxSchnellRequest { Prompt = "a fox" }));

        Assert.Equal(ModalPlatformError.RateLimited, ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
        Assert.Equal(said, ex.PlatformMessage);
        Assert.Equal((429, "ryla-flux", "fc-limited"), (ex.StatusCode, ex.App, ex.CallId));
        Assert.False(ex.GpuWorkMayHaveRun);
        Assert.StartsWith($"/flux: Modal answered 429: {said}. ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("It asked to wait 12 s.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "<html><head><title>403 Forbidden</title></head><body><center>nginx</center></body></html>", "text/html", "403 Forbidden")]
    [InlineData(401, "Unauthorized", "text/plain", "Unauthorized")]
    [InlineData(413, "Request body too large", "text/plain", "Request body too large")]
    public async Task NonJson4xx_IsApiExceptionWithStatusAppAndCallId(int status, string body, string contentType, string said)
    {
        Answer(ModalApp.Flux, "/flux", status, body, contentType);

        var ex = await Assert.ThrowsAsync<ModalApiException>(Flux);

        Assert.Equal((status, "ryla-flux", "fc-test123"), (ex.StatusCode, ex.App, ex.CallId));
        Assert.Equal($"/flux failed with HTTP {status}: {said}", ex.Message);
        Assert.Equal(body, ex.ServerMessage);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task E2_ComfyValidationAfterTheFallback_MessageNamesNodeInputAndLimit()
    {
        Answer(ModalApp.ZImage, "/z-image-simple", 500, ErrorBody(ServerErrorTextTests.ComfyRunFailure, "Exception"));

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => _modal.Client.ZImage.SimpleAsync(new ZImageSimpleRequest { Prompt = "a fox" }));

        Assert.Equal(
            "/z-image-simple failed with HTTP 500 (Exception): Workflow execution failed (exit code 1) — ZImageSampler: Value 64 smaller than min of 256: width",
            ex.Message);
        Assert.Equal(ServerErrorTextTests.ComfyRunFailure, ex.ServerMessage);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal((500, "ryla-z-image", "fc-test123"), (ex.StatusCode, ex.App, ex.CallId));
    }

    [Fact]
    public async Task E2_ComfyValidationQuotedFromPrompt_MessageNamesNodeInputAndLimit()
    {
        Answer(ModalApp.QwenImage, "/video-faceswap", 500, ErrorBody(ServerErrorTextTests.QueueFailure, "Exception"));

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => _modal.Client.Video.FaceSwapAsync(
            new VideoFaceSwapRequest { SourceVideo = TestMedia.Mp4Media(), ReferenceImage = TestMedia.PngMedia() }));

        Assert.Equal(
            "/video-faceswap failed with HTTP 500 (Exception): Failed to queue workflow: HTTP 400 — VHS_LoadVideo: Value 90.0 bigger than max of 60.0: force_rate",
            ex.Message);
    }

    [Fact]
    public async Task E3_ComfyValidationOnTheHeuristicRoute_Is400AfterWorkStarted()
    {
        const string error = "Both API and infer methods failed.\nAPI Error: Failed to queue workflow: HTTP 400 - {\"node_errors\": {\"7\": {\"errors\": [{\"type\": \"value_bigger_than_max\", "
            + "\"message\": \"Value 1.5 bigger than max of 1.0\", \"details\": \"ip_scale\"}], \"class_type\": \"ApplyFluxIPAdapter\"}}}\nInfer Error: Workflow execution failed (exit code 1)";
        Answer(ModalApp.InstantId, "/flux-ipadapter-faceid", 400, ErrorBody(error, "Exception"));

        var ex = await Assert.ThrowsAsync<ModalApiException>(() => _modal.Client.Face.FluxIpAdapterFaceIdAsync(
            new FluxIpAdapterFaceIdRequest { ReferenceImage = TestMedia.PngMedia(), Prompt = "p" }));

        Assert.Equal(400, ex.StatusCode);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.EndsWith("Both API and infer methods failed — ApplyFluxIPAdapter: Value 1.5 bigger than max of 1.0: ip_scale", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task E2_HugeErrorWithTracebackAndSecrets_MessageIsBoundedAndClean()
    {
        var error = "Workflow failed at node 12 (LoadImage): could not fetch https://user:p4ssw0rd-value@cdn.example/x?token=abcdef123456 "
            + string.Join(' ', Enumerable.Repeat("detail", 2000))
            + "\nTraceback (most recent call last):\n  File \"/root/handlers/flux.py\", line 9\nValueError: data:image/png;base64," + Convert.ToBase64String(TestMedia.Png(32, 32));
        Answer(ModalApp.Flux, "/flux", 500, ErrorBody(error, "ValueError"));

        var ex = await Assert.ThrowsAsync<ModalApiException>(Flux);

        Assert.True(ex.Message.Length <= "/flux failed with HTTP 500 (ValueError): ".Length + 300, $"{ex.Message.Length} characters");
        Assert.StartsWith("/flux failed with HTTP 500 (ValueError): Workflow failed at node 12 (LoadImage): could not fetch https://***@cdn.example/x?token=*** detail", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p4ssw0rd", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef123456", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("iVBORw0KGgo", ex.Message, StringComparison.Ordinal);
    }

    private static string ErrorBody(string error, string type) =>
        new System.Text.Json.Nodes.JsonObject { ["error"] = error, ["details"] = "Traceback (most recent call last):\n  File \"app.py\"", ["type"] = type }.ToJsonString();
}
