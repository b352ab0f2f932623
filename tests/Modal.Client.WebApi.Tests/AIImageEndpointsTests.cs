using System.Net;
using System.Text.Json;

namespace Modal.Client.WebApi.Tests;

/// <summary>The sample's <c>/ai/images</c>, written against Microsoft.Extensions.AI's IImageGenerator, over a fake Modal deployment.</summary>
public sealed class AIImageEndpointsTests(FakeModalWebApplicationFactory factory) : IClassFixture<FakeModalWebApplicationFactory>
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetAiImages_FluxDevWithSizeAndSeed_ReturnsPngFromFluxDev()
    {
        var before = factory.Fake.Journal.CallCount("/flux-dev");

        using var response = await _http.GetAsync(new Uri("/ai/images?prompt=a%20red%20fox&model=/flux-dev&width=768&height=512&seed=7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith(PngMagic));
        Assert.Equal("/flux-dev", Header(response, "x-modal-endpoint"));
        Assert.Equal("7", Header(response, "x-seed"));
        Assert.Equal(before + 1, factory.Fake.Journal.CallCount("/flux-dev"));
        var body = factory.Fake.Journal.Requests("/flux-dev")[^1].BodyAsJson()!;
        Assert.Equal("a red fox", (string)body["prompt"]!);
        Assert.Equal(768, (int)body["width"]!);
        Assert.Equal(512, (int)body["height"]!);
        Assert.Equal(7, (long)body["seed"]!);
    }

    [Fact]
    public async Task GetAiImages_NoModel_UsesZImageDanrisi()
    {
        using var response = await _http.GetAsync(new Uri("/ai/images?prompt=a%20lighthouse", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/z-image-danrisi", Header(response, "x-modal-endpoint"));
    }

    [Theory]
    [InlineData("/ai/images", "prompt")]
    [InlineData("/ai/images?prompt=a%20fox&width=512", "width and height together")]
    [InlineData("/ai/images?prompt=a%20fox&model=/wan2.6", "Valid model ids: fast-preview")]
    public async Task GetAiImages_BadInput_Returns400AndSendsNothing(string url, string mentioned)
    {
        var sent = factory.Fake.Journal.All.Count;

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(mentioned, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(sent, factory.Fake.Journal.All.Count);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
