using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>
/// The closed node choices (<see cref="SdxlCheckpoint"/>, <see cref="InstantIdFaceProvider"/>,
/// <see cref="IpAdapterFaceProvider"/>, <see cref="ComfySampler"/>, <see cref="ComfyScheduler"/>,
/// <see cref="QwenAspectRatio"/>): their node lists, that <c>default</c> is the server's default and equal to it, and the
/// <c>Custom</c> escape hatch.
/// </summary>
public sealed class NodeChoiceTests
{
    [Fact]
    public void Default_EqualsTheServersDefaultMember_AndSendsTheSameValue()
    {
        Assert.Equal(SdxlCheckpoint.SdxlBase, default);
        Assert.True(default(SdxlCheckpoint) == SdxlCheckpoint.SdxlBase);
        Assert.Equal(SdxlCheckpoint.SdxlBase.GetHashCode(), default(SdxlCheckpoint).GetHashCode());
        Assert.Equal("sd_xl_base_1.0.safetensors", default(SdxlCheckpoint).FileName);
        Assert.Equal(InstantIdFaceProvider.Cpu, default);
        Assert.Equal(IpAdapterFaceProvider.Cpu, default);
        Assert.Equal(ComfySampler.Euler, default);
        Assert.Equal(ComfyScheduler.Normal, default);
        Assert.Equal(QwenAspectRatio.Square, default);
        Assert.Equal((1328, 1328), (default(QwenAspectRatio).Width, default(QwenAspectRatio).Height));
    }

    [Fact]
    public void FaceProviders_ListExactlyTheirNodesOptions()
    {
        Assert.Equal(["CPU", "CUDA", "ROCM", "CoreML"], InstantIdFaceProvider.Known.Select(p => p.Name));
        Assert.Equal(["CPU", "GPU"], IpAdapterFaceProvider.Known.Select(p => p.Name));
    }

    [Fact]
    public void Schedulers_ListComfyUi0371sKSamplerSchedulers()
    {
        Assert.Equal(
            ["normal", "karras", "exponential", "sgm_uniform", "simple", "ddim_uniform", "beta", "linear_quadratic", "kl_optimal"],
            ComfyScheduler.Known.Select(s => s.Name));
    }

    [Fact]
    public void Samplers_NamedValuesSendKSamplerNames()
    {
        Assert.Equal("euler", ComfySampler.Euler.Name);
        Assert.Equal("dpmpp_2m", ComfySampler.Dpmpp2M.Name);
        Assert.Equal("dpmpp_2m_sde", ComfySampler.Dpmpp2MSde.Name);
        Assert.Equal("uni_pc", ComfySampler.UniPc.Name);
        Assert.Equal(14, ComfySampler.Known.Count);
        Assert.Equal(ComfySampler.Known.Count, ComfySampler.Known.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Custom_KnownValueInAnyCase_ReturnsTheNamedValue()
    {
        Assert.Equal(InstantIdFaceProvider.Cuda, InstantIdFaceProvider.Custom("cuda"));
        Assert.Equal("CoreML", InstantIdFaceProvider.Custom("COREML").Name);
        Assert.Equal(IpAdapterFaceProvider.Gpu, IpAdapterFaceProvider.Custom(" gpu "));
        Assert.Equal(ComfySampler.Dpmpp2M, ComfySampler.Custom("DPMPP_2M"));
        Assert.Equal(ComfyScheduler.Karras, ComfyScheduler.Custom("Karras"));
        Assert.Equal(SdxlCheckpoint.Juggernaut, SdxlCheckpoint.Custom("Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors"));
    }

    [Fact]
    public void Custom_UnknownValue_IsKeptAsGiven()
    {
        Assert.Equal("res_multistep", ComfySampler.Custom("res_multistep").Name);
        Assert.Equal("kl_optimal_v2", ComfyScheduler.Custom("kl_optimal_v2").Name);
        Assert.Equal("TensorRT", InstantIdFaceProvider.Custom("TensorRT").Name);
        Assert.Equal("intorealism-xl.safetensors", SdxlCheckpoint.Custom("intorealism-xl.safetensors").FileName);
        Assert.DoesNotContain(ComfySampler.Custom("er_sde"), ComfySampler.Known);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("euler a")]
    [InlineData("../x")]
    public void Custom_EmptyOrUnsafeName_ThrowsNamingTheParameter(string name)
    {
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => ComfySampler.Custom(name)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => ComfyScheduler.Custom(name)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => InstantIdFaceProvider.Custom(name)).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => IpAdapterFaceProvider.Custom(name)).ParamName);
    }

    [Fact]
    public void Custom_ProviderWithUnderscore_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => IpAdapterFaceProvider.Custom("GPU_0"));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains("ASCII letters or digits", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models/x.safetensors")]
    [InlineData("x.ckpt")]
    [InlineData("..safetensors")]
    public void SdxlCheckpointCustom_NotABareSafetensorsName_Throws(string fileName)
    {
        Assert.Equal("fileName", Assert.ThrowsAny<ArgumentException>(() => SdxlCheckpoint.Custom(fileName)).ParamName);
    }

    [Fact]
    public async Task CustomValues_AreSentAsTheirNames()
    {
        using var modal = new WireMockModal();

        await Assert.ThrowsAnyAsync<ModalException>(() => modal.Client.Face.SdxlInstantIdAsync(new SdxlInstantIdRequest
        {
            ReferenceImage = TestMedia.PngMedia(),
            Prompt = "p",
            SdxlCheckpoint = SdxlCheckpoint.Custom("intorealism-xl.safetensors"),
            FaceProvider = InstantIdFaceProvider.Custom("TensorRT"),
            Sampler = ComfySampler.Custom("res_multistep"),
            Scheduler = ComfyScheduler.Custom("beta57"),
        }));

        var body = modal.SingleJsonBody();
        Assert.Equal("intorealism-xl.safetensors", (string?)body["sdxl_checkpoint"]);
        Assert.Equal("TensorRT", (string?)body["face_provider"]);
        Assert.Equal("res_multistep", (string?)body["sampler_name"]);
        Assert.Equal("beta57", (string?)body["scheduler"]);
    }
}
