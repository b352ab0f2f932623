using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modal.Client.Testing;

namespace Modal.Client.WebApi.Tests;

/// <summary>The sample over HTTP, with the SDK calling a fake Modal deployment on loopback.</summary>
public sealed class ImageEndpointsTests(FakeModalWebApplicationFactory factory) : IClassFixture<FakeModalWebApplicationFactory>
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task GetImages_DefaultEndpoint_ReturnsRealPngWithSeedCallIdAndCost()
    {
        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20red%20fox&seed=7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The fake, like the real apps, labels its PNG bytes image/jpeg; the sample returns the type sniffed by the SDK.
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(PngMagic));
        Assert.Equal("/z-image-danrisi", Header(response, "x-modal-endpoint"));
        Assert.Equal("7", Header(response, "x-seed"));
        Assert.Matches("^fc-[0-9A-Z]+$", Header(response, "x-modal-call-id"));
        Assert.True(decimal.Parse(Header(response, "x-cost-usd"), CultureInfo.InvariantCulture) > 0);
        Assert.Equal("estimated", Header(response, "x-cost-source"));
    }

    [Fact]
    public async Task GetImages_FluxEndpoint_CallsFlux()
    {
        var before = factory.Fake.Journal.CallCount("/flux");

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox&endpoint=/flux&width=512&height=256", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/flux", Header(response, "x-modal-endpoint"));
        Assert.Equal(before + 1, factory.Fake.Journal.CallCount("/flux"));
        var body = factory.Fake.Journal.Requests("/flux")[^1].BodyAsJson()!;
        Assert.Equal(512, (int)body["width"]!);
        Assert.Equal(256, (int)body["height"]!);
    }

    [Fact]
    public async Task PostImages_JsonBody_ReturnsImage()
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri("/images", UriKind.Relative),
            new { prompt = "a harbour at dawn", endpoint = "/qwen-image-2512-fast", seed = 11 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/qwen-image-2512-fast", Header(response, "x-modal-endpoint"));
        Assert.Equal("11", Header(response, "x-seed"));
    }

    [Theory]
    [InlineData("/images", "Prompt is required")]
    [InlineData("/images?prompt=%20%20", "Prompt")]
    [InlineData("/images?prompt=a%20fox&width=-1", "Width")]
    [InlineData("/images?prompt=a%20fox&endpoint=/nope", "/nope")]
    [InlineData("/images?prompt=a%20fox&endpoint=/flux-dev-lora", "LoRA")]
    [InlineData("/images?prompt=a%20fox&endpoint=/z-image-pulid", "/flux-pulid")]
    public async Task GetImages_BadInput_Returns400ProblemDetailsAndSendsNothing(string url, string mentioned)
    {
        var sent = factory.Fake.Journal.All.Count;

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(mentioned, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(sent, factory.Fake.Journal.All.Count);
    }

    [Fact]
    public async Task GetImages_WorkflowFailure_Returns502ProblemDetailsWithCallIdAndNoTraceback()
    {
        factory.Fake.Endpoint("/z-image-simple").Inject(FakeFault.WorkflowFailure);

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox&endpoint=/z-image-simple", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("ModalApiException", problem.RootElement.GetProperty("error").GetString());
        Assert.Equal("/z-image-simple", problem.RootElement.GetProperty("endpoint").GetString());
        Assert.StartsWith("fc-", problem.RootElement.GetProperty("callId").GetString(), StringComparison.Ordinal);
        Assert.True(problem.RootElement.GetProperty("gpuWorkMayHaveRun").GetBoolean());
        Assert.DoesNotContain("Traceback", text, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
