using System.Text.Json;
using Microsoft.Extensions.AI;
using Modal.Client.Extensions.AI.Internal;
using Modal.Client.Testing;

namespace Modal.Client.Extensions.AI.Tests;

public sealed class AdditionalFieldsTests
{
    [Theory]
    [MemberData(nameof(WholeNumbers))]
    public void Int_WholeNumberInAnyForm_Converts(object value)
    {
        Assert.Equal(20, Fields(value).Int("steps"));
    }

    public static TheoryData<object> WholeNumbers => new()
    {
        20, 20L, (short)20, (byte)20, 20u, 20.0, 20.0f, 20m, "20", Json("20"), Json("\"20\""), Json("20.0"),
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Double_NumberInAnyForm_Converts(object value)
    {
        Assert.Equal(3.5, Fields(value, "cfg").Double("cfg"));
    }

    public static TheoryData<object> Numbers => new() { 3.5, 3.5f, 3.5m, "3.5", Json("3.5"), Json("\"3.5\"") };

    [Fact]
    public void Double_WholeNumber_Converts()
    {
        Assert.Equal(4.0, Fields(4, "cfg").Double("cfg"));
    }

    [Fact]
    public void Long_SeedAboveIntRange_Converts()
    {
        Assert.Equal(4_105_349_922L, Fields(4_105_349_922L, "seed").Long("seed"));
    }

    [Fact]
    public void Int_AboveIntRange_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields(5_000_000_000L).Int("steps"));

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[steps]", error.ParamName);
    }

    [Theory]
    [InlineData("3,5")]
    [InlineData("NaN")]
    public void Double_Unparsable_ThrowsNamingTheField(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Fields(value, "cfg").Double("cfg"));

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[cfg]", error.ParamName);
        Assert.StartsWith($"ImageGenerationOptions.AdditionalProperties[cfg] is \"{value}\" (string); give a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Number_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields(5, "negative_prompt").Text("negative_prompt"));

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[negative_prompt] is 5 (Int32); give text. (Parameter 'ImageGenerationOptions.AdditionalProperties[negative_prompt]')", error.Message);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    public void Bool_BoolOrText_Converts(object value, bool expected)
    {
        Assert.Equal(expected, Fields(value, "nsfw").Bool("nsfw"));
    }

    [Fact]
    public void Bool_JsonTrue_Converts()
    {
        Assert.True(Fields(Json("true"), "nsfw").Bool("nsfw"));
    }

    [Fact]
    public void Get_NullOrJsonNull_IsUnset()
    {
        Assert.Null(Fields(null).Int("steps"));
        Assert.Null(Fields(Json("null")).Int("steps"));
        Assert.Null(new AdditionalFields(null).Text("negative_prompt"));
    }

    [Fact]
    public void Media_BytesDataContentDataUrlOrModalMedia_SniffsTheFormat()
    {
        var png = FakeMedia.Png(8, 8);
        var jpeg = FakeMedia.Jpeg(8, 8);

        Assert.Equal(MediaFormat.Png, Fields(png, "mask_image").Media("mask_image")!.Format);
        Assert.Equal(MediaFormat.Jpeg, Fields(new DataContent(jpeg, "image/png"), "mask_image").Media("mask_image")!.Format);
        Assert.Equal(MediaFormat.Png, Fields(new ReadOnlyMemory<byte>(png), "mask_image").Media("mask_image")!.Format);
        Assert.Equal(MediaFormat.Png, Fields($"data:image/png;base64,{Convert.ToBase64String(png)}", "mask_image").Media("mask_image")!.Format);
        Assert.Equal(MediaFormat.Jpeg, Fields(ModalMedia.FromBytes(jpeg), "mask_image").Media("mask_image")!.Format);
    }

    [Fact]
    public void Media_NotAnImage_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields(12, "mask_image").Media("mask_image"));

        Assert.Equal("ImageGenerationOptions.AdditionalProperties[mask_image]", error.ParamName);
    }

    [Fact]
    public void AspectRatio_TypedValue_Accepted()
    {
        Assert.Equal(QwenAspectRatio.Portrait9x16, Fields(QwenAspectRatio.Portrait9x16, "aspect_ratio").AspectRatio("aspect_ratio"));
        Assert.Equal(QwenAspectRatio.Square, Fields("1:1", "aspect_ratio").AspectRatio("aspect_ratio"));
    }

    [Fact]
    public void Provider_Text_BecomesTheNodesFaceProvider()
    {
        Assert.Equal(IpAdapterFaceProvider.Gpu, Fields("GPU", "face_provider").IpAdapterProvider("face_provider"));
        Assert.Equal(InstantIdFaceProvider.Cuda, Fields("cuda", "face_provider").InstantIdProvider("face_provider"));
    }

    [Fact]
    public void Accepted_IpAdapter_ListsItsGuidanceNameAndTheAliases()
    {
        Assert.Equal(
            ["seed", "negative_prompt", "steps", "guidance_scale", "cfg", "guidance", "ipadapter_strength", "timestep_to_start_cfg", "face_provider"],
            AdditionalFields.Accepted(ImageEndpointMappings.Get("/flux-ipadapter-faceid")));
    }

    [Fact]
    public void GuidanceValue_GuidanceScaleAndCfg_ThrowsKeepOne()
    {
        var fields = new AdditionalFields(new() { ["guidance_scale"] = 3.0, ["cfg"] = 2.0 });

        var error = Assert.Throws<ArgumentException>(() => fields.GuidanceValue());

        Assert.StartsWith("ImageGenerationOptions.AdditionalProperties sets cfg and guidance_scale, which are the same setting", error.Message, StringComparison.Ordinal);
    }

    private static AdditionalFields Fields(object? value, string name = "steps") =>
        new(new AdditionalPropertiesDictionary { [name] = value });

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
