using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Extensions.AI.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Extensions.AI.Tests;

/// <summary>The generator's responses, metadata, services, counts and the errors it lets through.</summary>
public sealed class ModalImageGeneratorTests : IClassFixture<ModalFixture>
{
    private readonly ModalFixture _modal;

    public ModalImageGeneratorTests(ModalFixture modal)
    {
        _modal = modal;
        modal.Fake.Reset();
    }

    [Fact]
    public async Task GenerateAsync_OneImage_DataContentCarriesGeneratedImageAndModalProperties()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        var response = await generator.GenerateImagesAsync("a red fox", new() { ImageSize = new(320, 192), AdditionalProperties = new() { ["seed"] = 5L } });

        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        var image = Assert.IsType<GeneratedImage>(content.RawRepresentation);
        Assert.Equal(image.Content.ToArray(), content.Data.ToArray());
        Assert.Equal("image/png", content.MediaType);
        Assert.Equal("image/jpeg", image.ServerContentType);
        var properties = content.AdditionalProperties!;
        Assert.Equal(5L, properties[ModalImageContentKeys.Seed]);
        Assert.Equal("/flux", properties[ModalImageContentKeys.Endpoint]);
        Assert.Equal(_modal.Fake.Journal.Requests("/flux").Single().FunctionCallId, properties[ModalImageContentKeys.CallId]);
        Assert.Matches("^fc-", (string)properties[ModalImageContentKeys.CallId]!);
        Assert.Equal(image.Cost.Usd, properties[ModalImageContentKeys.CostUsd]);
        Assert.Equal("estimated", properties[ModalImageContentKeys.CostSource]);
        Assert.Equal(image.Duration.TotalSeconds, properties[ModalImageContentKeys.DurationSeconds]);
        Assert.Equal(320, properties[ModalImageContentKeys.Width]);
        Assert.Equal(192, properties[ModalImageContentKeys.Height]);
        Assert.Same(image, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<GeneratedImage>>(response.RawRepresentation)));
        Assert.Null(response.Usage);
    }

    [Fact]
    public async Task GenerateAsync_ReportedCost_CostSourceIsReported()
    {
        // /flux-pulid is the one endpoint whose x-cost-usd header survives (contract §X.3).
        var generator = _modal.Client.AsIImageGenerator("/flux-pulid");

        var response = await generator.EditImageAsync(Images.Png(64, 64), "a portrait");

        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("reported", content.AdditionalProperties![ModalImageContentKeys.CostSource]);
        Assert.Equal(((GeneratedImage)content.RawRepresentation!).Cost.Usd, content.AdditionalProperties[ModalImageContentKeys.CostUsd]);
    }

    [Fact]
    public async Task GenerateAsync_CountThreeWithoutSeed_ConsecutiveSeedsFromARandomBaseInRequestOrder()
    {
        var generator = _modal.Client.AsIImageGenerator("/z-image-danrisi");

        var response = await generator.GenerateImagesAsync("a fox", new() { Count = 3 });

        var sent = _modal.Bodies("/z-image-danrisi").Select(b => (long)b["seed"]!).Order().ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal([sent[0], sent[0] + 1, sent[0] + 2], sent);
        Assert.InRange(sent[2], 0, int.MaxValue);
        Assert.Equal(sent, response.Contents.Select(c => (long)c.AdditionalProperties![ModalImageContentKeys.Seed]!));
    }

    [Fact]
    public async Task GenerateAsync_CountOneWithoutSeed_TheSdkSeedIsSentAndReported()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        var response = await generator.GenerateImagesAsync("a fox");

        var sent = (long)_modal.SingleBody("/flux")["seed"]!;
        Assert.Equal(sent, Assert.Single(response.Contents).AdditionalProperties![ModalImageContentKeys.Seed]);
    }

    [Fact]
    public async Task GenerateAsync_CountAboveThePerAppLimit_AllCallsComplete()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        var response = await generator.GenerateImagesAsync("a fox", new() { Count = 7, AdditionalProperties = new() { ["seed"] = 100 } });

        Assert.Equal(Enumerable.Range(100, 7).Select(i => (long)i), response.Contents.Select(c => (long)c.AdditionalProperties![ModalImageContentKeys.Seed]!));
        Assert.Equal(7, _modal.Fake.Journal.CallCount("/flux"));
    }

    [Theory]
    [InlineData(null, "/z-image-danrisi")]
    [InlineData("fast-preview", "/z-image-danrisi")]
    [InlineData("flux-dev", "/flux-dev")]
    [InlineData("quality-text-to-image", "/qwen-image-2512")]
    public void GetService_Metadata_NamesModalAndTheDefaultModel(string? defaultModelId, string expected)
    {
        var generator = _modal.Client.AsIImageGenerator(defaultModelId);

        var metadata = generator.GetService<ImageGeneratorMetadata>()!;

        Assert.Equal("modal", metadata.ProviderName);
        Assert.Equal(expected, metadata.DefaultModelId);
        Assert.Null(metadata.ProviderUri);
    }

    [Fact]
    public void GetService_ClientAndSelf_ReturnedOnlyWithoutKey()
    {
        var generator = _modal.Client.AsIImageGenerator();

        Assert.Same(_modal.Client, generator.GetService<IModalClient>());
        Assert.Same(generator, generator.GetService<IImageGenerator>());
        Assert.Null(generator.GetService<ImageGeneratorMetadata>("key"));
        Assert.Null(generator.GetService<string>());
        Assert.Throws<ArgumentNullException>(() => generator.GetService(null!));
    }

    [Fact]
    public async Task GenerateAsync_NullRequest_ThrowsArgumentNullException()
    {
        var generator = _modal.Client.AsIImageGenerator();

        await Assert.ThrowsAsync<ArgumentNullException>(() => generator.GenerateAsync(null!));
    }

    [Fact]
    public async Task GenerateAsync_WorkflowFailure_SdkExceptionPassesThroughUnchanged()
    {
        _modal.Fake.Endpoint("/flux-dev").Inject(FakeFault.WorkflowFailure);
        var generator = _modal.Client.AsIImageGenerator("/flux-dev");

        var error = await Assert.ThrowsAsync<ModalApiException>(() => generator.GenerateImagesAsync("a fox"));

        Assert.Equal("/flux-dev", error.Endpoint?.Path);
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.GpuWorkMayHaveRun);
    }

    [Fact]
    public async Task GenerateAsync_OneOfSeveralCallsFails_ThatFailureIsThrownAfterTheOthersEnd()
    {
        _modal.Fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure);
        var generator = _modal.Client.AsIImageGenerator("/flux");

        await Assert.ThrowsAsync<ModalApiException>(() => generator.GenerateImagesAsync("a fox", new() { Count = 3, AdditionalProperties = new() { ["seed"] = 1 } }));

        Assert.Equal(3, _modal.Fake.Journal.GpuRunCount("/flux"));
    }

    [Fact]
    public async Task GenerateAsync_RemovedSdxlRoute_NotDeployedExceptionPassesThrough()
    {
        await using var fake = FakeModalDeployment.Start();
        var services = new ServiceCollection();
        services.AddModalClient(o => o.UseFakeDeployment(fake));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IModalClient>();

        var error = await Assert.ThrowsAsync<ModalEndpointNotDeployedException>(() => client.AsIImageGenerator("/sdxl-turbo").GenerateImagesAsync("a fox"));

        Assert.Equal("/sdxl-turbo", error.Endpoint?.Path);
    }

    [Fact]
    public async Task GenerateAsync_TypedValidationFails_ArgumentExceptionOfTheRequestRecordAndNothingSent()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux-dev");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => generator.GenerateImagesAsync("a fox", new() { Count = 2, AdditionalProperties = new() { ["cfg"] = 100 } }));

        Assert.Equal("FluxDevRequest.Cfg", error.ParamName);
        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Fact]
    public async Task GenerateAsync_EmptyPromptOnTextToImage_TypedValidationRefusesIt()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new ImageGenerationRequest()));

        Assert.Equal("FluxSchnellRequest.Prompt", error.ParamName);
        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Fact]
    public async Task GenerateAsync_CanceledBeforeStart_ThrowsOperationCanceledAndSendsNothing()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateImagesAsync("a fox", cancellationToken: cancellation.Token));

        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Fact]
    public async Task GenerateAsync_CanceledWhileTheCallRuns_CancellationPassesThrough()
    {
        _modal.Fake.Endpoint("/flux-dev").GenerationTime = TimeSpan.FromSeconds(60);
        var generator = _modal.Client.AsIImageGenerator("/flux-dev");
        using var cancellation = new CancellationTokenSource();

        var call = generator.GenerateImagesAsync("a fox", cancellationToken: cancellation.Token);
        await WaitUntil(() => _modal.Fake.Journal.CallCount("/flux-dev") == 1);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
