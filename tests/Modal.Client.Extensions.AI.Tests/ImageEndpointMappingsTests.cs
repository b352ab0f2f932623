using System.Drawing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Modal.Client.Extensions.AI.Internal;
using Modal.Client.Extensions.AI.Tests.Support;

namespace Modal.Client.Extensions.AI.Tests;

/// <summary>Every image endpoint: the request, the size and each accepted field reach the wire under the endpoint's own name.</summary>
public sealed class ImageEndpointMappingsTests : IClassFixture<ModalFixture>
{
    private readonly ModalFixture _modal;

    public ImageEndpointMappingsTests(ModalFixture modal)
    {
        _modal = modal;
        modal.Fake.Reset();
    }

    public static TheoryData<string, string, string> TextToImage => new()
    {
        // model id, additional properties (JSON, read as CLR values), what the wire body must contain besides prompt/size/seed
        { "/flux", """{"negative_prompt":"blurry","steps":6,"cfg":1.5}""", """{"negative_prompt":"blurry","steps":6,"cfg":1.5}""" },
        { "/flux-dev", """{"steps":25,"guidance":3.5}""", """{"steps":25,"cfg":3.5}""" },
        { "/flux-dev-lora", """{"lora_id":"abc","lora_strength":0.7,"trigger_word":"ohwx","negative_prompt":"n","steps":12,"cfg":2.0}""", """{"lora_id":"abc","lora_strength":0.7,"trigger_word":"ohwx","negative_prompt":"n","steps":12,"cfg":2.0}""" },
        { "/sdxl-turbo", """{"negative_prompt":"x","steps":2}""", """{"negative_prompt":"x","steps":2}""" },
        { "/sdxl-lightning", """{"negative_prompt":"x","cfg":1.2}""", """{"negative_prompt":"x","cfg":1.2}""" },
        { "/qwen-image-2512", """{"use_lightning_lora":true,"steps":4,"cfg":1.0,"negative_prompt":"n"}""", """{"use_lightning_lora":true,"steps":4,"cfg":1.0,"negative_prompt":"n"}""" },
        { "/qwen-image-2512-fast", """{"negative_prompt":"n","cfg":1.0,"steps":4}""", """{"negative_prompt":"n","cfg":1.0,"steps":4}""" },
        { "/qwen-image-2512-lora", """{"lora_name":"qwen-character-7","lora_strength":0.9,"trigger_word":"t","steps":8,"cfg":2.5}""", """{"lora_name":"qwen-character-7","lora_strength":0.9,"trigger_word":"t","steps":8,"cfg":2.5}""" },
        { "/z-image-simple", """{"steps":4,"cfg":0.5,"negative_prompt":"n"}""", """{"steps":4,"cfg":0.5,"negative_prompt":"n"}""" },
        { "/z-image-danrisi", """{"negative_prompt":"low quality","steps":8,"guidance":0.0}""", """{"negative_prompt":"low quality","steps":8,"cfg":0.0}""" },
        { "/z-image-lora", """{"lora_name":"realistic-snapshot-zit","nsfw":false,"trigger_word":"t","lora_strength":0.8,"steps":9,"cfg":1.0,"negative_prompt":"n"}""", """{"lora_name":"realistic-snapshot-zit","nsfw":false,"trigger_word":"t","lora_strength":0.8,"steps":9,"cfg":1.0,"negative_prompt":"n"}""" },
    };

    public static TheoryData<string, string, string> Face => new()
    {
        { "/sdxl-instantid", """{"sdxl_checkpoint":"RealVisXL_V4.0.safetensors","instantid_strength":0.6,"face_provider":"CUDA","sampler_name":"dpmpp_2m","scheduler":"karras","cfg":5.0,"steps":20,"negative_prompt":"n"}""", """{"sdxl_checkpoint":"RealVisXL_V4.0.safetensors","instantid_strength":0.6,"face_provider":"CUDA","sampler_name":"dpmpp_2m","scheduler":"karras","cfg":5.0,"steps":20,"negative_prompt":"n"}""" },
        { "/flux-pulid", """{"pulid_weight":1.1,"start_at":0.1,"end_at":0.9,"cfg":3.0,"steps":20}""", """{"pulid_weight":1.1,"start_at":0.1,"end_at":0.9,"guidance":3.0,"steps":20}""" },
        { "/flux-ipadapter-faceid", """{"ipadapter_strength":0.7,"timestep_to_start_cfg":2,"face_provider":"CPU","guidance":4.0,"steps":20,"negative_prompt":"n"}""", """{"ipadapter_strength":0.7,"timestep_to_start_cfg":2,"face_provider":"CPU","guidance_scale":4.0,"steps":20,"negative_prompt":"n"}""" },
    };

    [Theory]
    [MemberData(nameof(TextToImage))]
    public async Task GenerateAsync_TextToImageEndpoint_SendsPromptSizeSeedAndEveryField(string modelId, string properties, string expected)
    {
        var generator = _modal.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a red fox", Options(modelId, properties, new Size(512, 384)));

        var body = _modal.SingleBody(modelId);
        Assert.Equal("a red fox", (string)body["prompt"]!);
        Assert.Equal(512, (int)body["width"]!);
        Assert.Equal(384, (int)body["height"]!);
        Assert.Equal(42, (long)body["seed"]!);
        AssertContains(expected, body);
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal((512, 384), Png.Size(image.Data));
        Assert.Equal(modelId, image.AdditionalProperties![ModalImageContentKeys.Endpoint]);
    }

    [Theory]
    [MemberData(nameof(Face))]
    public async Task GenerateAsync_FaceEndpointWithReference_SendsReferenceAsDataUrlAndEveryField(string modelId, string properties, string expected)
    {
        var face = Images.Png(64, 64, "face");
        var generator = _modal.Client.AsIImageGenerator(modelId);

        var response = await generator.EditImageAsync(face, "a portrait in a garden", Options(null, properties, new Size(640, 512)));

        var body = _modal.SingleBody(modelId);
        Assert.Equal("a portrait in a garden", (string)body["prompt"]!);
        Assert.Equal(Images.DataUrl(face), (string)body["reference_image"]!);
        Assert.Equal(640, (int)body["width"]!);
        Assert.Equal(512, (int)body["height"]!);
        Assert.Equal(42, (long)body["seed"]!);
        AssertContains(expected, body);
        Assert.Equal((640, 512), Png.Size(Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data));
    }

    [Fact]
    public async Task GenerateAsync_SeedVr2_SendsImageAndResolutionsAndNoPrompt()
    {
        var source = Images.Png(64, 48);
        var generator = _modal.Client.AsIImageGenerator("upscaling");

        var response = await generator.EditImageAsync(
            source, "upscale", Options(null, """{"resolution":96,"max_resolution":2048}""", null));

        var body = _modal.SingleBody("/seedvr2");
        Assert.Equal(Images.DataUrl(source), (string)body["image"]!);
        AssertContains("""{"resolution":96,"max_resolution":2048,"seed":42}""", body);
        Assert.False(body.ContainsKey("prompt"));
        Assert.Equal((128, 96), Png.Size(Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data));
    }

    [Fact]
    public async Task GenerateAsync_QwenEdit_SendsInstructionSourceAndFields()
    {
        var source = Images.Png(80, 48);
        var generator = _modal.Client.AsIImageGenerator("/qwen-image-edit-2511");

        await generator.EditImageAsync(source, "add a hat", Options(null, """{"denoise":0.6,"steps":20,"cfg":3.0}""", null));

        var body = _modal.SingleBody("/qwen-image-edit-2511");
        Assert.Equal("add a hat", (string)body["instruction"]!);
        Assert.Equal(Images.DataUrl(source), (string)body["source_image"]!);
        AssertContains("""{"denoise":0.6,"steps":20,"cfg":3.0,"seed":42}""", body);
    }

    [Fact]
    public async Task GenerateAsync_QwenInpaintWithMaskAsSecondImage_SendsSourceMaskAndPromptAndReturnsJpeg()
    {
        var source = Images.Png(80, 48, "source");
        var mask = Images.Png(80, 48, "mask");
        var generator = _modal.Client.AsIImageGenerator("/qwen-image-inpaint-2511");

        var response = await generator.EditImagesAsync([source, mask], "a red door", Options(null, """{"steps":30,"cfg":4.0}""", null));

        var body = _modal.SingleBody("/qwen-image-inpaint-2511");
        Assert.Equal("a red door", (string)body["prompt"]!);
        Assert.Equal(Images.DataUrl(source), (string)body["source_image"]!);
        Assert.Equal(Images.DataUrl(mask), (string)body["mask_image"]!);
        AssertContains("""{"steps":30,"cfg":4.0,"seed":42}""", body);
        Assert.Equal("image/jpeg", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Fact]
    public async Task GenerateAsync_QwenInpaintWithMaskImageProperty_SendsTheMask()
    {
        var source = Images.Png(80, 48, "source");
        var mask = Images.Png(80, 48, "mask");
        var generator = _modal.Client.AsIImageGenerator();
        var options = new ImageGenerationOptions { ModelId = "/qwen-image-inpaint-2511", AdditionalProperties = new() { ["mask_image"] = mask } };

        await generator.EditImageAsync(source, "a red door", options);

        Assert.Equal(Images.DataUrl(mask), (string)_modal.SingleBody("/qwen-image-inpaint-2511")["mask_image"]!);
    }

    [Fact]
    public async Task GenerateAsync_QwenAspectRatio_SentAsTheServerSpellsIt()
    {
        var generator = _modal.Client.AsIImageGenerator("quality-text-to-image");
        var options = new ImageGenerationOptions { AdditionalProperties = new() { ["aspect_ratio"] = "16:9" } };

        var response = await generator.GenerateImagesAsync("a harbour", options);

        Assert.Equal("16:9", (string)_modal.SingleBody("/qwen-image-2512")["aspect_ratio"]!);
        Assert.Equal((1664, 928), Png.Size(Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data));
    }

    [Fact]
    public async Task GenerateAsync_PropertiesReadFromJson_ConvertJsonElements()
    {
        var properties = JsonSerializer.Deserialize<AdditionalPropertiesDictionary>("""{"steps":6,"cfg":"1.5","seed":9,"negative_prompt":"grain","ignored":null}""")!;
        properties.Remove("ignored");
        var generator = _modal.Client.AsIImageGenerator("/flux-dev");

        await generator.GenerateImagesAsync("a fox", new ImageGenerationOptions { AdditionalProperties = properties });

        AssertContains("""{"steps":6,"cfg":1.5,"seed":9,"negative_prompt":"grain"}""", _modal.SingleBody("/flux-dev"));
    }

    [Fact]
    public void All_EveryCurrentImageEndpointOfTheCatalog_IsMapped()
    {
        var images = ModalCatalog.Callable.Where(e => e.OutputKind == ModalOutputKind.Image).Select(e => e.Path);

        Assert.Equal(images, ImageEndpointMappings.All.Select(m => m.Path));
    }

    [Theory]
    [InlineData("/flux", "None")]
    [InlineData("/qwen-image-2512-lora", "None")]
    [InlineData("/sdxl-instantid", "Reference")]
    [InlineData("/flux-pulid", "Reference")]
    [InlineData("/flux-ipadapter-faceid", "Reference")]
    [InlineData("/seedvr2", "Upscale")]
    [InlineData("/qwen-image-edit-2511", "Edit")]
    [InlineData("/qwen-image-inpaint-2511", "Inpaint")]
    public void Get_ImageInputOfEachKind_IsRecorded(string path, string input)
    {
        Assert.Equal(input, ImageEndpointMappings.Get(path).Input.ToString());
    }

    private static ImageGenerationOptions Options(string? modelId, string properties, Size? size)
    {
        var values = new AdditionalPropertiesDictionary { ["seed"] = 42L };
        foreach (var (key, value) in JsonNode.Parse(properties)!.AsObject())
        {
            values[key] = value!.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                JsonValueKind.Number when value.ToJsonString().Contains('.', StringComparison.Ordinal) => value.GetValue<double>(),
                _ => value.GetValue<int>(),
            };
        }

        return new ImageGenerationOptions { ModelId = modelId, ImageSize = size, AdditionalProperties = values };
    }

    private static void AssertContains(string expected, JsonObject body)
    {
        foreach (var (key, value) in JsonNode.Parse(expected)!.AsObject())
        {
            Assert.True(body.ContainsKey(key), $"the wire body has no '{key}': {body.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(value, body[key]) || Numeric(value) == Numeric(body[key]), $"'{key}': expected {value?.ToJsonString()}, sent {body[key]?.ToJsonString()}");
        }
    }

    private static double? Numeric(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : null;
}
