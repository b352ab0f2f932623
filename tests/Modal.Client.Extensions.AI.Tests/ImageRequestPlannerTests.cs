using System.Drawing;
using Microsoft.Extensions.AI;
using Modal.Client.Extensions.AI.Tests.Support;

namespace Modal.Client.Extensions.AI.Tests;

/// <summary>Requests and options the endpoints cannot honour are refused before anything is sent, saying what to do instead.</summary>
public sealed class ImageRequestPlannerTests : IClassFixture<ModalFixture>
{
    private readonly ModalFixture _modal;

    public ImageRequestPlannerTests(ModalFixture modal)
    {
        _modal = modal;
        modal.Fake.Reset();
    }

    [Fact]
    public async Task GenerateAsync_TextToImageModelIdWithOriginalImage_RefusedNamingTheEditEndpoint()
    {
        var generator = _modal.Client.AsIImageGenerator();

        var error = await RefusedAsync(generator, "add a hat", new() { ModelId = "/flux-dev" }, Images.Png());

        Assert.Equal("ImageGenerationRequest.OriginalImages", error.ParamName);
        Assert.StartsWith(
            "ImageGenerationRequest.OriginalImages has an image, but /flux-dev is text-to-image and takes no original image. To edit the image, set ImageGenerationOptions.ModelId to /qwen-image-edit-2511 or leave it unset; the image-input endpoints are /sdxl-instantid, /flux-pulid, /flux-ipadapter-faceid, /seedvr2, /qwen-image-edit-2511, /qwen-image-inpaint-2511.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_TextToImageDefaultModelWithOriginalImage_RefusedNamingTheDefault()
    {
        var generator = _modal.Client.AsIImageGenerator("fast-quality");

        var error = await RefusedAsync(generator, "add a hat", null, Images.Png());

        Assert.Contains("/qwen-image-2512-fast (the generator's default model) is text-to-image", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/seedvr2", "the source image")]
    [InlineData("/sdxl-instantid", "a reference face")]
    [InlineData("face-consistency", "a reference face")]
    [InlineData("/qwen-image-edit-2511", "the source image")]
    public async Task GenerateAsync_ImageInputModelWithoutImage_RefusedAskingForIt(string modelId, string needed)
    {
        var generator = _modal.Client.AsIImageGenerator();

        var error = await RefusedAsync(generator, "a fox", new() { ModelId = modelId });

        Assert.Equal("ImageGenerationRequest.OriginalImages", error.ParamName);
        Assert.Contains($"needs {needed}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_TwoImagesWithoutModelId_RefusedPointingToInpaint()
    {
        var generator = _modal.Client.AsIImageGenerator();

        var error = await RefusedAsync(generator, "a door", null, Images.Png(label: "a"), Images.Png(label: "b"));

        Assert.Contains("/qwen-image-edit-2511 edits one. To inpaint with a mask, set ImageGenerationOptions.ModelId to /qwen-image-inpaint-2511", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_InpaintWithoutMask_RefusedAskingForTheMask()
    {
        var generator = _modal.Client.AsIImageGenerator("/qwen-image-inpaint-2511");

        var error = await RefusedAsync(generator, "a door", null, Images.Png());

        Assert.Contains("needs a mask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_InpaintMaskGivenTwice_Refused()
    {
        var generator = _modal.Client.AsIImageGenerator("/qwen-image-inpaint-2511");
        var options = new ImageGenerationOptions { AdditionalProperties = new() { ["mask_image"] = FakeMask() } };

        var error = await RefusedAsync(generator, "a door", options, Images.Png(label: "a"), Images.Png(label: "b"));

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[mask_image]", error.ParamName);
    }

    [Fact]
    public async Task GenerateAsync_OriginalImageAsLink_RefusedAskingForBytes()
    {
        var generator = _modal.Client.AsIImageGenerator();
        var request = new ImageGenerationRequest("add a hat", [new UriContent(new Uri("https://example.com/cat.png"), "image/png")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(request));

        Assert.Equal("ImageGenerationRequest.OriginalImages[0]", error.ParamName);
        Assert.Contains("does not download images", error.Message, StringComparison.Ordinal);
        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Fact]
    public async Task GenerateAsync_OriginalImageNotAnImage_RefusedNamingTheItem()
    {
        var generator = _modal.Client.AsIImageGenerator();
        var request = new ImageGenerationRequest("add a hat", [new DataContent("hello"u8.ToArray(), "image/png")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(request));

        Assert.Equal("ImageGenerationRequest.OriginalImages[0]", error.ParamName);
        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Theory]
    [InlineData(ImageGenerationResponseFormat.Uri)]
    [InlineData(ImageGenerationResponseFormat.Hosted)]
    public async Task GenerateAsync_ResponseFormatOtherThanData_Refused(ImageGenerationResponseFormat format)
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        var error = await RefusedAsync(generator, "a fox", new() { ResponseFormat = format });

        Assert.Equal("ImageGenerationOptions.ResponseFormat", error.ParamName);
        Assert.Contains("Modal returns the image bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ResponseFormatData_Accepted()
    {
        var response = await _modal.Client.AsIImageGenerator("/flux").GenerateImagesAsync("a fox", new() { ResponseFormat = ImageGenerationResponseFormat.Data });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
    }

    [Theory]
    [InlineData("/flux-dev", "image/webp", "image/png")]
    [InlineData("/flux-dev", "image/jpeg", "image/png")]
    [InlineData("/qwen-image-inpaint-2511", "image/png", "image/jpeg")]
    public async Task GenerateAsync_MediaTypeTheEndpointDoesNotReturn_RefusedNamingTheRealOne(string modelId, string asked, string real)
    {
        var generator = _modal.Client.AsIImageGenerator(modelId);

        var inpaint = modelId == "/qwen-image-inpaint-2511";
        var options = new ImageGenerationOptions { MediaType = asked, AdditionalProperties = inpaint ? new() { ["mask_image"] = FakeMask() } : null };

        var error = inpaint ? await RefusedAsync(generator, "a door", options, Images.Png()) : await RefusedAsync(generator, "a fox", options);

        Assert.Equal("ImageGenerationOptions.MediaType", error.ParamName);
        Assert.Equal(
            $"ImageGenerationOptions.MediaType is '{asked}', but {modelId} returns {real} and Modal.Client does not convert images: leave it unset or ask for {real}. (Parameter 'ImageGenerationOptions.MediaType')",
            error.Message);
    }

    [Fact]
    public async Task GenerateAsync_MediaTypeTheEndpointReturns_Accepted()
    {
        var response = await _modal.Client.AsIImageGenerator("/flux").GenerateImagesAsync("a fox", new() { MediaType = "IMAGE/PNG" });

        Assert.Equal("image/png", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Theory]
    [InlineData("/qwen-image-edit-2511", "keeps the source image's size")]
    [InlineData("/seedvr2", "AdditionalProperties[\"resolution\"]")]
    public async Task GenerateAsync_ImageSizeOnEndpointWithoutSize_Refused(string modelId, string instead)
    {
        var generator = _modal.Client.AsIImageGenerator(modelId);

        var error = await RefusedAsync(generator, "a fox", new() { ImageSize = new Size(512, 512) }, Images.Png());

        Assert.Equal("ImageGenerationOptions.ImageSize", error.ParamName);
        Assert.Contains(instead, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task GenerateAsync_CountOutOfRange_Refused(int count)
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux"), "a fox", new() { Count = count });

        Assert.Equal("ImageGenerationOptions.Count", error.ParamName);
        Assert.Contains("ask for 1 to 10 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_SeedThatWouldOverflowWithCount_Refused()
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux"), "a fox", new() { Count = 2, AdditionalProperties = new() { ["seed"] = long.MaxValue } });

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[seed]", error.ParamName);
    }

    [Fact]
    public async Task GenerateAsync_NegativeSeed_TypedValidationRefusesIt()
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux"), "a fox", new() { AdditionalProperties = new() { ["seed"] = -3 } });

        Assert.Equal("FluxSchnellRequest.Seed", error.ParamName);
    }

    [Theory]
    [InlineData("/flux-dev", "sampler", "/flux-dev accepts: seed, negative_prompt, steps, cfg, guidance.")]
    [InlineData("/flux-pulid", "negative_prompt", "/flux-pulid accepts: seed, steps, guidance, cfg, pulid_weight, start_at, end_at.")]
    [InlineData("/sdxl-turbo", "cfg", "/sdxl-turbo accepts: seed, negative_prompt, steps.")]
    [InlineData("/flux-dev", "width", "set ImageGenerationOptions.ImageSize instead.")]
    [InlineData("/flux-dev", "prompt", "set ImageGenerationRequest.Prompt instead.")]
    [InlineData("/flux-dev", "reference_image", "pass the image in ImageGenerationRequest.OriginalImages instead.")]
    [InlineData("/flux-dev", "mask_image", "/flux-dev accepts: seed, negative_prompt, steps, cfg, guidance.")]
    public async Task GenerateAsync_FieldTheEndpointDoesNotHave_RefusedSayingWhatItAccepts(string modelId, string key, string hint)
    {
        var images = modelId == "/flux-pulid" ? [Images.Png()] : Array.Empty<DataContent>();

        var error = await RefusedAsync(_modal.Client.AsIImageGenerator(modelId), "a fox", new() { AdditionalProperties = new() { [key] = 1 } }, images);

        Assert.Equal($"ImageGenerationOptions.AdditionalProperties[{key}]", error.ParamName);
        Assert.StartsWith($"ImageGenerationOptions.AdditionalProperties[{key}] is not a field of {modelId}: {hint}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_CfgAndGuidanceBoth_Refused()
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux-dev"), "a fox", new() { AdditionalProperties = new() { ["cfg"] = 1, ["guidance"] = 2 } });

        Assert.Contains("sets cfg and guidance, which are the same setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "/flux-dev-lora needs a LoRA")]
    [InlineData("abc", "file", "sets both lora_id and lora_name")]
    [InlineData("../etc", null, "is not a valid LoRA id")]
    public async Task GenerateAsync_LoraEndpointWithBadLora_Refused(string? id, string? name, string problem)
    {
        var properties = new AdditionalPropertiesDictionary();
        if (id is not null)
        {
            properties["lora_id"] = id;
        }

        if (name is not null)
        {
            properties["lora_name"] = name;
        }

        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux-dev-lora"), "a fox", new() { AdditionalProperties = properties });

        Assert.StartsWith("ImageGenerationOptions.AdditionalProperties[lora_", error.ParamName, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_UnknownAspectRatio_RefusedListingTheServersRatios()
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/qwen-image-2512"), "a fox", new() { AdditionalProperties = new() { ["aspect_ratio"] = "5:4" } });

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[aspect_ratio]", error.ParamName);
        Assert.Contains("use one of 1:1 (1328x1328), 16:9 (1664x928), 9:16 (928x1664)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(2.5)]
    [InlineData(true)]
    public async Task GenerateAsync_StepsNotAWholeNumber_RefusedNamingTheField(object steps)
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator("/flux-dev"), "a fox", new() { AdditionalProperties = new() { ["steps"] = steps } });

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[steps]", error.ParamName);
        Assert.Contains("give a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_BadCheckpointName_RefusedNamingTheField()
    {
        var error = await RefusedAsync(
            _modal.Client.AsIImageGenerator("/sdxl-instantid"), "a portrait", new() { AdditionalProperties = new() { ["sdxl_checkpoint"] = "models/x.ckpt" } }, Images.Png());

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[sdxl_checkpoint]", error.ParamName);
        Assert.Contains("is not a checkpoint file name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wan2.6", "returns AnimatedWebP, not an image")]
    [InlineData("/flux-instantid", "was removed (Shape mismatch (T5XXL+CLIP-L vs CLIP-L)): use /sdxl-instantid instead")]
    [InlineData("/flux2-klein", "is not available yet (Waiting)")]
    [InlineData(" ", "is empty")]
    public async Task GenerateAsync_InvalidModelIdInOptions_RefusedListingValidIds(string modelId, string problem)
    {
        var error = await RefusedAsync(_modal.Client.AsIImageGenerator(), "a fox", new() { ModelId = modelId });

        Assert.Equal("ImageGenerationOptions.ModelId", error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid model ids: fast-preview,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_SeedVr2WithPrompt_PromptIsNotSent()
    {
        await _modal.Client.AsIImageGenerator("/seedvr2").EditImageAsync(Images.Png(), "make it sharper");

        Assert.False(_modal.SingleBody("/seedvr2").ContainsKey("prompt"));
    }

    [Fact]
    public async Task GenerateAsync_OptionsModelIdOverridesDefault_CallsTheNamedEndpoint()
    {
        await _modal.Client.AsIImageGenerator("/flux").GenerateImagesAsync("a fox", new() { ModelId = "/z-image-simple" });

        Assert.Equal(0, _modal.Fake.Journal.CallCount("/flux"));
        Assert.Equal(1, _modal.Fake.Journal.CallCount("/z-image-simple"));
    }

    private static DataContent FakeMask() => Images.Png(label: "mask");

    private async Task<ArgumentException> RefusedAsync(IImageGenerator generator, string prompt, ImageGenerationOptions? options, params DataContent[] images)
    {
        var request = new ImageGenerationRequest(prompt, images.Length == 0 ? null : images);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(request, options));
        Assert.Empty(_modal.Fake.Journal.All);
        return error;
    }
}
