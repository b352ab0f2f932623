using Modal.Client.Extensions.AI.Internal;

namespace Modal.Client.Extensions.AI.Tests;

public sealed class ImageModelsTests
{
    [Theory]
    [InlineData("/flux-dev", "/flux-dev")]
    [InlineData("flux-dev", "/flux-dev")]
    [InlineData("  /seedvr2 ", "/seedvr2")]
    [InlineData("fast-preview", "/z-image-danrisi")]
    [InlineData("quality-text-to-image", "/qwen-image-2512")]
    [InlineData("fast-quality", "/qwen-image-2512-fast")]
    [InlineData("face-consistency", "/sdxl-instantid")]
    [InlineData("upscaling", "/seedvr2")]
    [InlineData("Fast-Preview", "/z-image-danrisi")]
    [InlineData("/sdxl-turbo", "/sdxl-turbo")]
    public void Resolve_EndpointPathOrUseCase_ReturnsTheEndpoint(string modelId, string path)
    {
        Assert.Equal(path, ImageModels.Resolve(modelId, nameof(modelId)).Path);
    }

    [Theory]
    [InlineData("/flux-instantid", "was removed")]
    [InlineData("/z-image-pulid", "use /flux-pulid instead")]
    [InlineData("/flux2-pro", "is not available yet (Pending)")]
    [InlineData("/video-faceswap", "returns Mp4, not an image")]
    [InlineData("video-face-swap", "produces Mp4 (/video-faceswap)")]
    [InlineData("quality", "neither an image endpoint nor a use case")]
    [InlineData("FLUX-DEV", "neither an image endpoint nor a use case")]
    public void Resolve_NotAnImageModel_ThrowsWithTheReasonAndValidIds(string modelId, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageModels.Resolve(modelId, "ImageGenerationOptions.ModelId"));

        Assert.Equal("ImageGenerationOptions.ModelId", error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "Valid model ids: fast-preview, quality-text-to-image, fast-quality, face-consistency, upscaling, /flux, /flux-dev, /flux-dev-lora, /sdxl-turbo, /sdxl-lightning, /qwen-image-2512, /qwen-image-2512-fast, /qwen-image-2512-lora, /z-image-simple, /z-image-danrisi, /z-image-lora, /sdxl-instantid, /flux-pulid, /flux-ipadapter-faceid, /seedvr2, /qwen-image-edit-2511, /qwen-image-inpaint-2511.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModalUseCase.FastPreview, "fast-preview")]
    [InlineData(ModalUseCase.QualityTextToImage, "quality-text-to-image")]
    [InlineData(ModalUseCase.VideoFaceSwap, "video-face-swap")]
    [InlineData(ModalUseCase.Upscaling, "upscaling")]
    public void UseCaseId_EnumMember_IsKebabCase(ModalUseCase useCase, string id)
    {
        Assert.Equal(id, ImageModels.UseCaseId(useCase));
    }

    [Fact]
    public void Defaults_TextToImageAndEdit_AreTheDocumentedEndpoints()
    {
        Assert.Equal("/z-image-danrisi", ImageModels.TextToImageDefault.Path);
        Assert.Equal("/qwen-image-edit-2511", ImageModels.EditDefault.Path);
    }
}
