using Modal.Client.Internal;

namespace Modal.Client.Tests;

/// <summary>Every branch of the classifier: the exception type, and the status code, app and call id on each.</summary>
public sealed class ModalErrorClassifierTests
{
    public static TheoryData<int, string, Type> Answers => new()
    {
        { 400, """{"detail":"lora_id or lora_name is required"}""", typeof(ModalApiException) },
        { 501, """{"detail":{"error":"not supported","alternatives":[]}}""", typeof(ModalApiException) },
        { 404, """{"detail":"LoRA not found: character-7.safetensors. Train it first using the LoRA training endpoint."}""", typeof(ModalLoraNotFoundException) },
        { 404, """{"detail":"Not Found"}""", typeof(ModalEndpointNotDeployedException) },
        { 500, """{"error":"'prompt'","details":"tb","type":"KeyError","path":"/flux-dev-lora"}""", typeof(ModalApiException) },
        { 503, """{"error":"Both API and infer methods failed.","details":"tb","type":"Exception"}""", typeof(ModalApiException) },
        { 403, "<html><head><title>403 Forbidden</title></head></html>", typeof(ModalApiException) },
        { 422, "Unprocessable", typeof(ModalApiException) },
        { 429, """{"detail":"Too Many Requests"}""", typeof(ModalPlatformException) },
        { 429, "", typeof(ModalPlatformException) },
        { 404, "modal-http: invalid function call", typeof(ModalPlatformException) },
        { 408, "Missing request, possibly due to expiry or cancellation", typeof(ModalPlatformException) },
        { 500, "modal-http: internal error: function was terminated by signal", typeof(ModalPlatformException) },
        { 502, "<html><body>Bad gateway</body></html>", typeof(ModalPlatformException) },
        { 503, "", typeof(ModalPlatformException) },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Classify_AnyHttpAnswer_CarriesStatusCodeAppAndCallId(int status, string body, Type expected)
    {
        Assert.True(ModalCatalog.TryFind("/flux-dev-lora", out var endpoint));

        var ex = ModalErrorClassifier.Classify(new ErrorContext(status, endpoint, "fc-01J0000000000000000000000"), body);

        Assert.IsType(expected, ex);
        Assert.Equal((status, "ryla-flux", "fc-01J0000000000000000000000"), (ex.StatusCode, ex.App, ex.CallId));
        Assert.Equal("/flux-dev-lora", ex.Endpoint?.Path);
        Assert.DoesNotContain("<html", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"detail":"Too Many Requests"}""")]
    [InlineData("modal-http: rate limited")]
    public void Classify_429AfterWorkStarted_SaysWorkMayHaveRun(string body)
    {
        Assert.True(ModalCatalog.TryFind("/flux", out var endpoint));

        var before = ModalErrorClassifier.Classify(new ErrorContext(429, endpoint, null, TimeSpan.FromSeconds(3)), body);
        var polled = ModalErrorClassifier.Classify(new ErrorContext(429, endpoint, null, TimeSpan.FromSeconds(3), WorkStarted: true), body);

        Assert.False(before.GpuWorkMayHaveRun);
        Assert.True(polled.GpuWorkMayHaveRun);
        Assert.All([before, polled], e => Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<ModalPlatformException>(e).RetryAfter));
    }
}
