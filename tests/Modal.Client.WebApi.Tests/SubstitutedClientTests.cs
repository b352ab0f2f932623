using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Modal.Client.WebApi.Tests;

/// <summary>
/// How a consumer unit-tests code that uses the SDK: the sample's endpoints with a substituted <see cref="IModelSelector"/>
/// or <see cref="IModalClient"/> (NSubstitute), whose results and exceptions <see cref="ModalModelFactory"/> builds.
/// Nothing reaches a Modal app or a fake deployment.
/// </summary>
public sealed class SubstitutedClientTests : IDisposable
{
    private readonly IModelSelector _selector = Substitute.For<IModelSelector>();
    private readonly IModalClient _modal = Substitute.For<IModalClient>();
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _http;

    public SubstitutedClientTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_selector);
            services.AddSingleton(_modal);
        }));
        _http = _factory.CreateClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task GetImages_SelectorReturnsJpeg_ReturnsItsBytesMediaTypeAndDetails()
    {
        var jpeg = FakeMedia.Jpeg(96, 64, label: "substitute");
        _selector.GenerateImageAsync(Arg.Any<TextToImagePrompt>(), Arg.Any<ModalEndpoint>(), Arg.Any<bool>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .Returns(ModalModelFactory.GeneratedImage(
                jpeg, ModalEndpoint.FluxDev, seed: 42, duration: TimeSpan.FromMilliseconds(1234), cost: new ModalCost(0.0125m, ModalCostSource.Reported), callId: "fc-SUBSTITUTE"));

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox&endpoint=/flux-dev&width=512&height=256&fallback=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("/flux-dev", Header(response, "x-modal-endpoint"));
        Assert.Equal("42", Header(response, "x-seed"));
        Assert.Equal("fc-SUBSTITUTE", Header(response, "x-modal-call-id"));
        Assert.Equal("0.012500", Header(response, "x-cost-usd"));
        Assert.Equal("reported", Header(response, "x-cost-source"));
        Assert.Equal("1234", Header(response, "x-duration-ms"));
        await _selector.Received(1).GenerateImageAsync(
            Arg.Is<TextToImagePrompt>(p => p.Prompt == "a fox" && p.Width == 512 && p.Height == 256 && p.Seed == null),
            ModalEndpoint.FluxDev,
            true,
            Arg.Any<ModalCallOptions?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetImages_SelectorThrowsModalApiException_Returns502ProblemWithoutTraceback()
    {
        _selector.GenerateImageAsync(Arg.Any<TextToImagePrompt>(), Arg.Any<ModalEndpoint>(), Arg.Any<bool>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(ModalModelFactory.ModalApiException(
                ModalEndpoint.ZImageDanrisi,
                "Workflow execution failed (exit code 1)",
                statusCode: 500,
                serverErrorType: "RuntimeError",
                serverTraceback: "Traceback (most recent call last):\n  File \"/root/app.py\", line 12, in generate\nRuntimeError: CUDA out of memory",
                callId: "fc-FAILED"));

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Traceback", text, StringComparison.Ordinal);
        Assert.DoesNotContain("app.py", text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        Assert.Equal("The Modal call failed", root.GetProperty("title").GetString());
        Assert.Equal("/z-image-danrisi failed with HTTP 500: Workflow execution failed (exit code 1)", root.GetProperty("detail").GetString());
        Assert.Equal("ModalApiException", root.GetProperty("error").GetString());
        Assert.Equal("/z-image-danrisi", root.GetProperty("endpoint").GetString());
        Assert.Equal(500, root.GetProperty("modalStatusCode").GetInt32());
        Assert.Equal("fc-FAILED", root.GetProperty("callId").GetString());
        Assert.True(root.GetProperty("gpuWorkMayHaveRun").GetBoolean());
    }

    [Fact]
    public async Task GetImages_SelectorThrowsArgumentException_Returns400ProblemNamingTheParameter()
    {
        _selector.GenerateImageAsync(Arg.Any<TextToImagePrompt>(), Arg.Any<ModalEndpoint>(), Arg.Any<bool>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ArgumentException("Width is 100; use a multiple of 8 from 256 to 4096.", "TextToImagePrompt.Width"));

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox&width=100&height=256", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal("Invalid image request", root.GetProperty("title").GetString());
        Assert.Equal("Width is 100; use a multiple of 8 from 256 to 4096.", root.GetProperty("detail").GetString());
        Assert.Equal("TextToImagePrompt.Width", root.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task GetImages_SelectorThrowsTimeout_Returns502SayingGpuWorkMayHaveRun()
    {
        _selector.GenerateImageAsync(Arg.Any<TextToImagePrompt>(), Arg.Any<ModalEndpoint>(), Arg.Any<bool>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(ModalModelFactory.ModalTimeoutException(ModalEndpoint.ZImageDanrisi, TimeSpan.FromMinutes(5), callId: "fc-SLOW"));

        using var response = await _http.GetAsync(new Uri("/images?prompt=a%20fox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal("ModalTimeoutException", root.GetProperty("error").GetString());
        Assert.Equal("fc-SLOW", root.GetProperty("callId").GetString());
        Assert.True(root.GetProperty("gpuWorkMayHaveRun").GetBoolean());
    }

    [Fact]
    public async Task GetAIImages_ModalClientReturnsImage_ReturnsItThroughIImageGenerator()
    {
        var png = FakeMedia.Png(128, 96, label: "meai");
        _modal.ZImage.DanrisiAsync(Arg.Any<ZImageDanrisiRequest>(), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>())
            .Returns(ModalModelFactory.GeneratedImage(png, ModalEndpoint.ZImageDanrisi, seed: 9));

        using var response = await _http.GetAsync(new Uri("/ai/images?prompt=a%20fox&seed=9", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("/z-image-danrisi", Header(response, "x-modal-endpoint"));
        Assert.Equal("9", Header(response, "x-seed"));
        await _modal.ZImage.Received(1).DanrisiAsync(
            Arg.Is<ZImageDanrisiRequest>(r => r.Prompt == "a fox" && r.Seed == 9), Arg.Any<ModalCallOptions?>(), Arg.Any<CancellationToken>());
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
