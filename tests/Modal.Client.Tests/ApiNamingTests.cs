using System.Reflection;
using System.Text.Json.Serialization;

namespace Modal.Client.Tests;

/// <summary>
/// One name per concept (docs/api-naming.md): each request record is named after its method, and the names retired in
/// favour of one name per concept are gone from every request, while the wire names stay the contract's.
/// </summary>
public sealed class ApiNamingTests
{
    private static readonly Type[] Requests =
        [.. typeof(IModalClient).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal))];

    [Fact]
    public void EveryGenerationMethod_TakesARequestNamedAfterIt()
    {
        var methods = typeof(IModalClient).GetProperties()
            .Where(p => p.PropertyType.IsInterface && p.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(p => p.PropertyType.GetMethods())
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetParameters().FirstOrDefault()?.ParameterType.Name.EndsWith("Request", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(21, methods.Count);
        Assert.All(methods, m => Assert.EndsWith(m.Name[..^"Async".Length] + "Request", m.GetParameters()[0].ParameterType.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void RenamedRecords_HaveTheirNewNames()
    {
        Assert.Equal(typeof(FluxSchnellRequest), typeof(IFluxClient).GetMethod(nameof(IFluxClient.SchnellAsync))!.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(QwenImage2512Request), typeof(IQwenClient).GetMethod(nameof(IQwenClient.Image2512Async))!.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(QwenImage2512FastRequest), typeof(IQwenClient).GetMethod(nameof(IQwenClient.Image2512FastAsync))!.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(QwenImage2512LoraRequest), typeof(IQwenClient).GetMethod(nameof(IQwenClient.Image2512LoraAsync))!.GetParameters()[0].ParameterType);
        Assert.DoesNotContain(Requests, t => t.Name is "FluxRequest" or "QwenImageRequest" or "QwenImageFastRequest" or "QwenImageLoraRequest");
    }

    [Theory]
    [InlineData("GuidanceScale")]
    [InlineData("Length")]
    [InlineData("Image")]
    [InlineData("MaxResolution2")]
    [InlineData("SamplerName")]
    public void RetiredPropertyName_IsOnNoRequest(string property)
    {
        Assert.DoesNotContain(Requests, t => t.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null);
    }

    [Theory]
    [InlineData(typeof(FluxIpAdapterFaceIdRequest), nameof(FluxIpAdapterFaceIdRequest.Cfg), "guidance_scale")]
    [InlineData(typeof(SeedVr2Request), nameof(SeedVr2Request.SourceImage), "image")]
    [InlineData(typeof(Wan26Request), nameof(Wan26Request.FrameCount), "length")]
    [InlineData(typeof(Wan26R2VRequest), nameof(Wan26R2VRequest.FrameCount), "length")]
    [InlineData(typeof(Wan26LoraRequest), nameof(Wan26LoraRequest.FrameCount), "length")]
    [InlineData(typeof(SdxlInstantIdRequest), nameof(SdxlInstantIdRequest.Sampler), "sampler_name")]
    public void RenamedProperty_KeepsTheContractsWireName(Type request, string property, string wireName)
    {
        Assert.Equal(wireName, request.GetProperty(property)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);
    }

    [Fact]
    public void CfgConcept_HasOneDotNetName()
    {
        // True classifier-free guidance is Cfg everywhere; only /flux-pulid's distilled FluxGuidance is another concept.
        var guidanceNames = Requests.SelectMany(t => t.GetProperties()).Select(p => p.Name)
            .Where(n => n.Contains("Cfg", StringComparison.Ordinal) || n.Contains("Guidance", StringComparison.Ordinal))
            .Distinct().Order();

        Assert.Equal(["Cfg", "Guidance", "TimestepToStartCfg"], guidanceNames);
        Assert.Equal([typeof(FluxPulidRequest)], Requests.Where(t => t.GetProperty("Guidance") is not null));
    }
}
