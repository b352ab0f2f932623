using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Tests.Internal;

/// <summary>
/// The real ComfyUI nodes' limits (issue 14's table): accepted at the limit; one step past it the GPU job starts and
/// then fails with ComfyUI's validation text, as the real servers do; with <c>EnforceNodeLimits = false</c> it generates.
/// </summary>
public sealed class NodeLimitsTests : IDisposable
{
    private readonly FakeModalDeployment fake = FakeModalDeployment.Start();
    private readonly FakeModalDeployment lenient = FakeModalDeployment.Start(new() { EnforceNodeLimits = false });
    private readonly HttpClient http = Wire.Client();

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
        lenient.Dispose();
    }

    // path, field, value at the limit, value one step past it, status of the failure, node class, ComfyUI's message
    public static TheoryData<string, string, string, string, int, string, string> Limits => new()
    {
        { "/flux-ipadapter-faceid", "ipadapter_strength", "1.0", "1.05", 400, "ApplyFluxIPAdapter", "Value 1.05 bigger than max of 1.0: ip_scale" },
        { "/flux-ipadapter-faceid", "steps", "100", "101", 400, "XlabsSampler", "Value 101 bigger than max of 100: steps" },
        { "/flux-ipadapter-faceid", "timestep_to_start_cfg", "100", "101", 400, "XlabsSampler", "Value 101 bigger than max of 100: timestep_to_start_cfg" },
        { "/flux-ipadapter-faceid", "face_provider", "\"GPU\"", "\"CUDA\"", 400, "LoadFluxIPAdapter", "Value not in list: provider: 'CUDA' not in ['CPU', 'GPU']" },
        { "/z-image-simple", "width", "256", "255", 500, "ZImageSampler", "Value 255 smaller than min of 256: width" },
        { "/z-image-danrisi", "height", "256", "248", 500, "ZImageSampler", "Value 248 smaller than min of 256: height" },
        { "/z-image-simple", "steps", "100", "101", 500, "ZImageSampler", "Value 101 bigger than max of 100: steps" },
        { "/z-image-danrisi", "cfg", "20", "20.5", 500, "ZImageSampler", "Value 20.5 bigger than max of 20.0: guidance_scale" },
        { "/video-faceswap", "fps", "60", "61", 500, "VHS_LoadVideo", "Value 61.0 bigger than max of 60.0: force_rate" },
        { "/video-faceswap", "face_restore_visibility", "0.1", "0.05", 500, "ReActorFaceSwap", "Value 0.05 smaller than min of 0.1: face_restore_visibility" },
        { "/seedvr2", "seed", "4294967295", "4294967296", 400, "SeedVR2VideoUpscaler", "Value 4294967296 bigger than max of 4294967295: seed" },
        { "/sdxl-instantid", "face_provider", "\"CoreML\"", "\"GPU\"", 400, "InstantIDFaceAnalysis", "Value not in list: provider: 'GPU' not in ['CPU', 'CUDA', 'ROCM', 'CoreML']" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Post_ValueAtTheNodeLimit_Answers200(string path, string field, string atLimit, string pastLimit, int status, string node, string message)
    {
        _ = (pastLimit, status, node, message);

        using var response = await http.PostJsonAsync(fake.Endpoint(path).Url, Body(path, field, atLimit));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Post_ValueOneStepPastTheNodeLimit_StartsTheJobThenFailsWithComfyValidation(string path, string field, string atLimit, string pastLimit, int status, string node, string message)
    {
        _ = atLimit;

        using var response = await http.PostJsonAsync(fake.Endpoint(path).Url, Body(path, field, pastLimit));
        var json = await response.ReadJsonAsync();
        var error = json["error"]!.GetValue<string>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("Exception", json["type"]!.GetValue<string>());
        Assert.Equal(1, fake.Journal.GpuRunCount(path));
        var (text, details) = (message[..message.LastIndexOf(": ", StringComparison.Ordinal)], message[(message.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]);
        if (message.StartsWith("Value not in list", StringComparison.Ordinal))
        {
            (text, details) = ("Value not in list", message["Value not in list: ".Length..]);
        }

        Assert.Contains($"\"message\": \"{text}\"", error, StringComparison.Ordinal);
        Assert.Contains($"\"details\": \"{details}\"", error, StringComparison.Ordinal);
        Assert.Contains($"\"class_type\": \"{node}\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Post_PastTheLimitWithoutEnforcement_Answers200(string path, string field, string atLimit, string pastLimit, int status, string node, string message)
    {
        _ = (atLimit, status, node, message);

        using var response = await http.PostJsonAsync(lenient.Endpoint(path).Url, Body(path, field, pastLimit));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_ZImageWidthPastLimit_EndsWithTheComfyRunFallbackText()
    {
        using var response = await http.PostJsonAsync(fake.Endpoint("/z-image-simple").Url, """{"prompt":"p","width":64,"height":512}""");
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(
            "Workflow execution failed (exit code 1)\nStdout: Error running workflow\n"
            + "{\n  \"2\": {\n    \"errors\": [\n      {\n        \"type\": \"value_smaller_than_min\",\n        \"message\": \"Value 64 smaller than min of 256\",\n"
            + "        \"details\": \"width\",\n        \"extra_info\": {\n          \"input_name\": \"width\"\n        }\n      }\n    ],\n"
            + "    \"dependent_outputs\": [\n      \"3\"\n    ],\n    \"class_type\": \"ZImageSampler\"\n  }\n}",
            json["error"]!.GetValue<string>());
        Assert.StartsWith("Traceback", json["details"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_VideoFaceSwapFpsPastLimit_QuotesComfyUisPromptAnswer()
    {
        using var response = await http.PostJsonAsync(fake.Endpoint("/video-faceswap").Url, Wire.Expand("""{"source_video":"$VID","reference_image":"$IMG","fps":90}"""));
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(
            "Failed to queue workflow: HTTP 400 - {\"error\": {\"type\": \"prompt_outputs_failed_validation\", \"message\": \"Prompt outputs failed validation\", "
            + "\"details\": \"\", \"extra_info\": {}}, \"node_errors\": {\"1\": {\"errors\": [{\"type\": \"value_bigger_than_max\", \"message\": \"Value 90.0 bigger than max of 60.0\", "
            + "\"details\": \"force_rate\", \"extra_info\": {\"input_name\": \"force_rate\"}}], \"dependent_outputs\": [\"4\"], \"class_type\": \"VHS_LoadVideo\"}}}",
            json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_IpAdapterPastLimit_Answers400ByTheRouteHeuristicWithBothAttempts()
    {
        using var response = await http.PostJsonAsync(fake.Endpoint("/flux-ipadapter-faceid").Url, Body("/flux-ipadapter-faceid", "ipadapter_strength", "1.5"));
        var error = (await response.ReadJsonAsync())["error"]!.GetValue<string>();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.StartsWith("Both API and infer methods failed.\nAPI Error: Failed to queue workflow: HTTP 400 - {", error, StringComparison.Ordinal);
        Assert.Contains("\nInfer Error: Workflow execution failed (exit code 1)\nStdout: Error running workflow\n{", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 128, 512)] // 0 means "no limit"
    [InlineData(300, 75, 300)]
    public async Task Post_SeedVr2MaxResolution_ZeroMeansNoLimit(int maxResolution, int width, int height)
    {
        var body = new JsonObject { ["image"] = Wire.PngDataUrl(32, 128), ["resolution"] = 128, ["max_resolution"] = maxResolution, ["max_resolution_2"] = 1 };

        using var response = await http.PostJsonAsync(fake.Endpoint("/seedvr2").Url, body);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal((width, height), Wire.PngSize(await response.Content.ReadAsByteArrayAsync()));
    }

    private static string Body(string path, string field, string value)
    {
        var template = path switch
        {
            "/flux-ipadapter-faceid" or "/sdxl-instantid" => """{"prompt":"p","reference_image":"$IMG","width":64,"height":64}""",
            "/video-faceswap" => """{"source_video":"$VID","reference_image":"$IMG"}""",
            "/seedvr2" => """{"image":"$IMG","resolution":64}""",
            _ => """{"prompt":"p","width":256,"height":256}""",
        };

        var json = JsonNode.Parse(Wire.Expand(template))!.AsObject();
        json[field] = JsonNode.Parse(value);
        return json.ToJsonString();
    }
}
