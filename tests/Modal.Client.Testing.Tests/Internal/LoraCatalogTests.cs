using System.Text.Json.Nodes;

namespace Modal.Client.Testing.Tests.Internal;

/// <summary>LoRA lookup per endpoint (contract X.7) with a restricted set of known files.</summary>
public sealed class LoraCatalogTests : IDisposable
{
    private readonly FakeModalDeployment fake = FakeModalDeployment.Start(new()
    {
        KnownLoras = ["character-42", "qwen-character-7.safetensors", "character-5", "wan-character-9", "flux-character-3"],
    });

    private readonly HttpClient http = Wire.Client();

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Theory]
    [InlineData("/flux-dev-lora", """{"prompt":"p","lora_id":"42"}""")]
    [InlineData("/flux-dev-lora", """{"prompt":"p","lora_id":"1","lora_name":"flux-character-3"}""")]
    [InlineData("/qwen-image-2512-lora", """{"lora_id":7}""")]
    [InlineData("/qwen-image-2512-lora", """{"lora_id":5}""")]
    [InlineData("/wan2.6-lora", """{"prompt":"p","lora_id":"9"}""")]
    [InlineData("/wan2.6-lora", """{"prompt":"p","lora_id":"5"}""")]
    [InlineData("/z-image-lora", """{"prompt":"p","lora_id":"42"}""")]
    [InlineData("/z-image-lora", """{"prompt":"p","lora_name":"cinematic-kodak-zit"}""")]
    public async Task Post_KnownLora_Answers200(string path, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json["width"] = 64;
        json["height"] = 64;
        json["length"] = 5;

        using var response = await http.PostJsonAsync(fake.Endpoint(path).Url, json);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("/flux-dev-lora", """{"prompt":"p","lora_id":"43"}""", "LoRA not found: character-43.safetensors. Train it first using the LoRA training endpoint.")]
    [InlineData("/flux-dev-lora", """{"prompt":"p","lora_id":"42","lora_name":"other"}""", "LoRA not found: other.safetensors. Train it first using the LoRA training endpoint.")]
    [InlineData("/qwen-image-2512-lora", """{"lora_id":8}""", "LoRA not found: qwen-character-8.safetensors. Train a Qwen LoRA using /ryla-qwen-lora-training or upload to /root/models/qwen-loras/")]
    [InlineData("/wan2.6-lora", """{"prompt":"p","lora_id":"10"}""", "LoRA not found: wan-character-10.safetensors. Train a Wan LoRA using ryla-wan-lora-training or upload to /root/models/wan-loras/")]
    [InlineData("/z-image-lora", """{"prompt":"p","lora_id":"7"}""", "LoRA not found: character-7.safetensors. Upload to /root/models/loras/")]
    public async Task Post_UnknownLora_Answers404WithEndpointHint(string path, string body, string detail)
    {
        using var response = await http.PostJsonAsync(fake.Endpoint(path).Url, body);
        var json = await response.ReadJsonAsync();

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(detail, json["detail"]!.GetValue<string>());
        Assert.Single(json);
        Assert.Equal(0, fake.Journal.GpuRunCount(path));
    }

    [Theory]
    [InlineData("/flux-dev-lora", """{"prompt":"p","lora_id":"42"}""", "LoRA not found: character-42.safetensors. Train it first using the LoRA training endpoint.")]
    [InlineData("/wan2.6-lora", """{"prompt":"p","lora_name":"my-style"}""", "LoRA not found: my-style.safetensors. Train a Wan LoRA using ryla-wan-lora-training or upload to /root/models/wan-loras/")]
    public async Task Post_AnyLoraOnADefaultFake_Answers404LikeAnEmptyVolume(string path, string body, string detail)
    {
        using var defaults = FakeModalDeployment.Start();

        using var response = await http.PostJsonAsync(defaults.Endpoint(path).Url, body);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(detail, (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(0, defaults.Journal.GpuRunCount(path));
    }

    [Fact]
    public async Task Post_ZImageStyleLoraOnADefaultFake_Answers200()
    {
        using var defaults = FakeModalDeployment.Start();

        using var response = await http.PostJsonAsync(defaults.Endpoint("/z-image-lora").Url, """{"prompt":"p","lora_name":"instagramification","width":64,"height":64}""");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_AcceptUnknownLoras_AnyLoraGenerates()
    {
        using var lenient = FakeModalDeployment.Start(new() { AcceptUnknownLoras = true });

        using var response = await http.PostJsonAsync(lenient.Endpoint("/qwen-image-2512-lora").Url, """{"lora_id":"never-trained","width":64,"height":64}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, lenient.Journal.GpuRunCount("/qwen-image-2512-lora"));
    }

    [Fact]
    public async Task Post_LoraNameNotAString_Answers500AttributeError()
    {
        using var response = await http.PostJsonAsync(fake.Endpoint("/flux-dev-lora").Url, """{"prompt":"p","lora_name":12}""");
        var json = await response.ReadJsonAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("AttributeError", json["type"]!.GetValue<string>());
    }
}
