using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Tests.Internal;

/// <summary>Every endpoint's success and required-field errors, over plain HTTP (contract §3.1–3.21).</summary>
public sealed class EndpointRulesTests(SharedFake shared) : IClassFixture<SharedFake>
{
    public enum Media
    {
        Png,
        Jpeg,
        AnimatedWebP,
        Mp4,
    }

    public static TheoryData<string, string, string, Media, int, int> HappyPaths => new()
    {
        { "/flux", """{"prompt":"a red fox","seed":1,"width":512,"height":384}""", "image/jpeg", Media.Png, 512, 384 },
        { "/flux-dev", """{"prompt":"p","width":256,"height":320}""", "image/jpeg", Media.Png, 256, 320 },
        { "/flux-dev-lora", """{"prompt":"p","lora_id":"42","width":256,"height":256}""", "image/jpeg", Media.Png, 256, 256 },
        { "/sdxl-turbo", """{"prompt":"p","width":512,"height":512}""", "image/jpeg", Media.Png, 512, 512 },
        { "/sdxl-lightning", """{"prompt":"p","width":384,"height":512}""", "image/jpeg", Media.Png, 384, 512 },
        { "/qwen-image-2512", """{"prompt":"p","aspect_ratio":"16:9"}""", "image/jpeg", Media.Png, 1664, 928 },
        { "/qwen-image-2512-fast", """{"prompt":"p","width":512,"height":256}""", "image/jpeg", Media.Png, 512, 256 },
        { "/qwen-image-2512-lora", """{"lora_id":7,"width":320,"height":320}""", "image/jpeg", Media.Png, 320, 320 },
        { "/z-image-simple", """{"prompt":"p"}""", "image/jpeg", Media.Png, 1024, 1024 },
        { "/z-image-danrisi", """{"prompt":"p","width":768,"height":512}""", "image/jpeg", Media.Png, 768, 512 },
        { "/z-image-lora", """{"prompt":"p","lora_name":"realistic-snapshot-zit","width":256,"height":256}""", "image/jpeg", Media.Png, 256, 256 },
        { "/sdxl-instantid", """{"prompt":"p","reference_image":"$IMG","width":512,"height":512}""", "image/jpeg", Media.Png, 512, 512 },
        { "/flux-pulid", """{"prompt":"p","reference_image":"$IMG","width":512,"height":640}""", "image/jpeg", Media.Png, 512, 640 },
        { "/flux-ipadapter-faceid", """{"prompt":"p","reference_image":"$IMG","width":640,"height":512}""", "image/jpeg", Media.Png, 640, 512 },
        { "/wan2.6", """{"prompt":"p","width":64,"height":48,"length":9}""", "image/webp", Media.AnimatedWebP, 64, 48 },
        { "/wan2.6-r2v", """{"prompt":"p","reference_videos":["$VID"],"width":64,"height":48,"length":5}""", "image/webp", Media.AnimatedWebP, 64, 48 },
        { "/wan2.6-lora", """{"prompt":"p","lora_id":"3","width":64,"height":48,"length":5}""", "image/webp", Media.AnimatedWebP, 64, 48 },
        { "/video-faceswap", """{"source_video":"$VID","reference_image":"$IMG"}""", "video/mp4", Media.Mp4, 0, 0 },
        { "/seedvr2", """{"image":"$IMG","resolution":96}""", "image/png", Media.Png, 128, 96 },
        { "/qwen-image-edit-2511", """{"source_image":"$IMG","instruction":"make it blue"}""", "image/jpeg", Media.Png, 64, 48 },
        { "/qwen-image-inpaint-2511", """{"source_image":"$IMG","mask_image":"$IMG","prompt":"a hat"}""", "image/jpeg", Media.Jpeg, 64, 48 },
    };

    public static TheoryData<string, string, int, string, string> MissingFields => new()
    {
        // path, body, status, expected values ("key=value|..."), exact key set
        { "/flux", "{}", 500, "error='prompt'|type=KeyError|path=/flux", "error,details,type,path" },
        { "/flux-dev", """{"seed":1}""", 500, "error='prompt'|type=KeyError|path=/flux-dev", "error,details,type,path" },
        { "/flux-dev-lora", """{"prompt":"p"}""", 400, "detail=lora_id or lora_name is required", "detail" },
        { "/flux-dev-lora", """{"lora_id":"1"}""", 500, "error='prompt'|type=KeyError|path=/flux-dev-lora", "error,details,type,path" },
        { "/sdxl-turbo", "{}", 500, "error='prompt'|type=KeyError", "error,type" },
        { "/sdxl-lightning", "{}", 500, "error='prompt'|type=KeyError", "error,type" },
        { "/qwen-image-2512-lora", "{}", 400, "detail=lora_id or lora_name is required", "detail" },
        { "/z-image-simple", "{}", 500, "error='prompt'|type=KeyError", "error,details,type" },
        { "/z-image-danrisi", "{}", 500, "error='prompt'|type=KeyError", "error,details,type" },
        { "/z-image-lora", """{"prompt":"p"}""", 400, "detail=lora_id or lora_name is required", "detail" },
        { "/z-image-lora", """{"lora_id":"1"}""", 400, "detail=prompt is required", "detail" },
        { "/sdxl-instantid", """{"prompt":"p"}""", 400, "error=400: reference_image is required|type=HTTPException", "error,details,type" },
        { "/sdxl-instantid", """{"reference_image":"$IMG"}""", 500, "error='prompt'|type=KeyError", "error,details,type" },
        { "/flux-pulid", """{"prompt":"p"}""", 400, "detail=reference_image is required for PuLID Flux", "detail" },
        { "/flux-pulid", """{"reference_image":"$IMG"}""", 500, "error='prompt'|type=KeyError", "error,details,type" },
        { "/flux-ipadapter-faceid", """{"prompt":"p"}""", 400, "error=400: reference_image is required|type=HTTPException", "error,details,type" },
        { "/flux-ipadapter-faceid", """{"reference_image":"$IMG"}""", 500, "error='prompt'|type=KeyError", "error,details,type" },
        { "/wan2.6", "{}", 500, "error=prompt is required|type=ValueError", "error,details,type" },
        { "/wan2.6-r2v", """{"reference_videos":["$VID"]}""", 500, "error=prompt is required|type=ValueError", "error,details,type" },
        { "/wan2.6-r2v", """{"prompt":"p"}""", 500, "error=reference_videos is required (list of base64 video data URLs)|type=ValueError", "error,details,type" },
        { "/wan2.6-r2v", """{"prompt":"p","reference_videos":[]}""", 500, "error=reference_videos is required (list of base64 video data URLs)|type=ValueError", "error,details,type" },
        { "/wan2.6-r2v", """{"prompt":"p","reference_videos":["$VID","$VID","$VID","$VID"]}""", 500, "error=Maximum 3 reference videos supported for R2V|type=ValueError", "error,details,type" },
        { "/wan2.6-lora", """{"prompt":"p"}""", 400, "detail=lora_id or lora_name is required", "detail" },
        { "/wan2.6-lora", """{"lora_id":"1"}""", 500, "error=prompt is required|type=ValueError", "error,details,type" },
        { "/video-faceswap", """{"reference_image":"$IMG"}""", 400, "detail=source_video is required (base64 data URL)", "detail" },
        { "/video-faceswap", """{"source_video":"$VID"}""", 400, "detail=reference_image is required (base64 data URL)", "detail" },
        { "/seedvr2", "{}", 500, "error=Missing 'image' field in request. Provide base64-encoded image.|type=ValueError", "error,details,type" },
        { "/qwen-image-edit-2511", """{"instruction":"i"}""", 500, "error=source_image is required (base64 data URL)|type=ValueError", "error,details,type" },
        { "/qwen-image-edit-2511", """{"source_image":"$IMG"}""", 500, "error=instruction is required (editing instruction)|type=ValueError", "error,details,type" },
        { "/qwen-image-inpaint-2511", """{"mask_image":"$IMG","prompt":"p"}""", 500, "error=source_image is required (base64 data URL)|type=ValueError", "error,details,type" },
        { "/qwen-image-inpaint-2511", """{"source_image":"$IMG","prompt":"p"}""", 500, "error=mask_image is required (base64 data URL, white = edit area)|type=ValueError", "error,details,type" },
        { "/qwen-image-inpaint-2511", """{"source_image":"$IMG","mask_image":"$IMG"}""", 500, "error=prompt is required (what to inpaint)|type=ValueError", "error,details,type" },
    };

    private FakeModalDeployment Fake => shared.Fake;

    [Fact]
    public void HappyPaths_CoverEveryCatalogEndpoint_AllTwentyOne()
    {
        var covered = HappyPaths.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(21, ModalCatalog.Callable.Count);
        Assert.All(ModalCatalog.Callable, e => Assert.Contains(e.Path, covered));
    }

    [Theory]
    [MemberData(nameof(HappyPaths))]
    public async Task Post_ValidRequest_Answers200WithLabelledRealMedia(string path, string body, string label, Media media, int width, int height)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, Wire.Expand(body));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(label, response.MediaType());
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.StartsWith("fc-", response.Header(FakeHeaders.FunctionCallId), StringComparison.Ordinal);
        switch (media)
        {
            case Media.Png:
                Assert.True(Wire.IsPng(bytes), "PNG magic bytes");
                Assert.Equal((width, height), Wire.PngSize(bytes));
                break;
            case Media.Jpeg:
                Assert.True(Wire.IsJpeg(bytes), "JPEG magic bytes");
                Assert.Equal((width, height), Wire.JpegSize(bytes));
                Assert.Equal(new byte[] { 0xFF, 0xD9 }, bytes[^2..]);
                break;
            case Media.AnimatedWebP:
                Assert.True(Wire.IsAnimatedWebP(bytes), "RIFF....WEBP with ANIM and ANMF");
                Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
                break;
            case Media.Mp4:
                Assert.True(Wire.IsMp4(bytes), "....ftyp");
                Assert.Equal("isom", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(MissingFields))]
    public async Task Post_MissingRequiredField_AnswersContractError(string path, string body, int status, string expected, string keys)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, Wire.Expand(body));
        var json = await response.ReadJsonAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        Assert.Equal(keys.Split(','), json.Select(p => p.Key));
        foreach (var pair in expected.Split('|'))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Assert.Equal(value, json[key]!.GetValue<string>());
        }

        if (json["details"] is { } details)
        {
            Assert.StartsWith("Traceback (most recent call last):", details.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/qwen-image-2512")]
    [InlineData("/qwen-image-2512-fast")]
    public async Task Post_QwenWithoutPrompt_UsesDefaultPromptAndSize(string path)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, "{}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal((1328, 1328), Wire.PngSize(bytes));
        Assert.Equal(Wire.Sha256("A beautiful woman"), response.Header(FakeHeaders.PromptSha256));
    }

    [Fact]
    public async Task Post_ExplicitNullSeedOnFlux_Answers500WorkflowFailure()
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/flux").Url, """{"prompt":"p","seed":null}""");
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("Exception", json["type"]!.GetValue<string>());
        Assert.Equal("/flux", json["path"]!.GetValue<string>());
        Assert.Contains("seed, None", json["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/qwen-image-2512", """{"seed":null}""")]
    [InlineData("/z-image-lora", """{"prompt":"p","lora_id":"1","seed":null}""")]
    [InlineData("/wan2.6", """{"prompt":"p","seed":null,"width":64,"height":48,"length":5}""")]
    [InlineData("/flux", """{"prompt":"p","negative_prompt":null,"width":64,"height":64}""")]
    public async Task Post_NullWhereHandlerToleratesIt_Answers200(string path, string body)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, body);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("/sdxl-instantid", 400)]
    [InlineData("/flux-ipadapter-faceid", 400)]
    [InlineData("/flux-pulid", 500)]
    [InlineData("/z-image-simple", 500)]
    public async Task Post_ExplicitNullSeedElsewhere_FailsByRouteHeuristic(string path, int status)
    {
        using var http = Wire.Client();
        var body = new JsonObject { ["prompt"] = "p", ["reference_image"] = Wire.PngDataUrl(), ["seed"] = null };

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, body);
        var json = await response.ReadJsonAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("seed, None", json["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sdxl-instantid", 400, "error")]
    [InlineData("/flux-ipadapter-faceid", 400, "error")]
    [InlineData("/flux-pulid", 500, "error")]
    public async Task Post_ReferenceImageNotDataUrl_FailsInsideWorkflow(string path, int status, string key)
    {
        using var http = Wire.Client();
        var rawBase64 = Wire.PngDataUrl()["data:image/png;base64,".Length..];

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, new JsonObject { ["prompt"] = "p", ["reference_image"] = rawBase64 });
        var json = await response.ReadJsonAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("Invalid image file", json[key]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DataUrlThatIsNotAnImage_Answers500UnidentifiedImageError()
    {
        using var http = Wire.Client();
        var body = new JsonObject { ["prompt"] = "p", ["reference_image"] = "data:image/png;base64," + Convert.ToBase64String("not an image"u8.ToArray()) };

        using var response = await http.PostJsonAsync(Fake.Endpoint("/sdxl-instantid").Url, body);
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("UnidentifiedImageError", json["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_UnknownSdxlCheckpoint_Answers400ByHeuristic()
    {
        using var http = Wire.Client();
        var body = new JsonObject { ["prompt"] = "p", ["reference_image"] = Wire.PngDataUrl(), ["sdxl_checkpoint"] = "nope.safetensors" };

        using var response = await http.PostJsonAsync(Fake.Endpoint("/sdxl-instantid").Url, body);
        var json = await response.ReadJsonAsync();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("ckpt_name: 'nope.safetensors' not in", json["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SeedVr2UndecodableImage_Answers500InvalidImageFormat()
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/seedvr2").Url, """{"image":"abcde"}""");
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.StartsWith("Invalid image format: ", json["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ValueError", json["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_InvalidJsonOnFlux_Answers500JsonDecodeErrorWithPath()
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/flux").Url, "{not json");
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("JSONDecodeError", json["type"]!.GetValue<string>());
        Assert.Equal("/flux", json["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SameSeedAndPrompt_ReturnsIdenticalBytes_OtherSeedDiffers()
    {
        using var http = Wire.Client();
        var url = Fake.Endpoint("/flux-dev").Url;

        var first = await (await http.PostJsonAsync(url, """{"prompt":"a lighthouse","seed":5,"width":128,"height":128}""")).Content.ReadAsByteArrayAsync();
        var second = await (await http.PostJsonAsync(url, """{"prompt":"a lighthouse","seed":5,"width":128,"height":128}""")).Content.ReadAsByteArrayAsync();
        using var otherResponse = await http.PostJsonAsync(url, """{"prompt":"a lighthouse","seed":6,"width":128,"height":128}""");
        var other = await otherResponse.Content.ReadAsByteArrayAsync();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal("6", otherResponse.Header(FakeHeaders.Seed));
        Assert.Equal(Wire.Sha256("a lighthouse"), otherResponse.Header(FakeHeaders.PromptSha256));
    }

    [Theory]
    [InlineData("/flux", "42")]
    [InlineData("/z-image-danrisi", "42")]
    [InlineData("/seedvr2", "4105349922")]
    public async Task Post_WithoutSeed_EchoesServerDefaultSeed(string path, string seed)
    {
        using var http = Wire.Client();
        var body = path == "/seedvr2" ? new JsonObject { ["image"] = Wire.PngDataUrl(), ["resolution"] = 64 } : new JsonObject { ["prompt"] = "p", ["width"] = 256, ["height"] = 256 };

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, body);

        Assert.Equal(seed, response.Header(FakeHeaders.Seed));
    }

    [Fact]
    public async Task Post_FluxPulid_SendsLowerCaseCostHeaders()
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/flux-pulid").Url, new JsonObject { ["prompt"] = "p", ["reference_image"] = Wire.PngDataUrl(), ["width"] = 64, ["height"] = 64 });

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Matches(@"^\d+\.\d{6}$", response.Header("x-cost-usd"));
        Assert.Equal("0.006825", response.Header("x-cost-usd"));
        Assert.Matches(@"^\d+\.\d{3}$", response.Header("x-execution-time-sec"));
        Assert.Equal("L40S", response.Header("x-gpu-type"));
    }

    [Theory]
    [InlineData("/flux")]
    [InlineData("/qwen-image-2512-fast")]
    [InlineData("/z-image-simple")]
    public async Task Post_OtherEndpoints_SendNoCostHeaders(string path)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint(path).Url, """{"prompt":"p","width":256,"height":256}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Header("x-cost-usd"));
        Assert.Null(response.Header("x-execution-time-sec"));
        Assert.Null(response.Header("x-gpu-type"));
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && !h.Key.StartsWith("x-fake-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public async Task Post_ZImageLora_SendsNsfwModeHeader(bool nsfw, string header)
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/z-image-lora").Url, new JsonObject { ["prompt"] = "p", ["lora_id"] = "1", ["nsfw"] = nsfw, ["width"] = 64, ["height"] = 64 });

        Assert.Equal(header, response.Header("x-nsfw-mode"));
    }

    [Fact]
    public async Task Post_WanLength_GivesOneAnimationFramePerOutputFrame()
    {
        using var http = Wire.Client();

        using var response = await http.PostJsonAsync(Fake.Endpoint("/wan2.6").Url, """{"prompt":"p","width":32,"height":32,"length":17,"fps":8}""");
        var text = System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(17, text.Split("ANMF").Length - 1);
    }
}
