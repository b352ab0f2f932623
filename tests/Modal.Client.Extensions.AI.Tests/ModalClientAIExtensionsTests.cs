using System.Diagnostics;
using System.Drawing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Modal.Client.Extensions.AI.Tests.Support;
using Modal.Client.Testing;

namespace Modal.Client.Extensions.AI.Tests;

/// <summary>The "Done when" scenarios, through Microsoft.Extensions.AI's types alone, against a fake deployment.</summary>
public sealed class ModalClientAIExtensionsTests : IClassFixture<ModalFixture>
{
    private readonly ModalFixture _modal;

    public ModalClientAIExtensionsTests(ModalFixture modal)
    {
        _modal = modal;
        modal.Fake.Reset();
    }

    [Fact]
    public async Task AsIImageGenerator_FluxDevCountTwoSeedSeven_TwoFluxDevCallsWithSeedsSevenAndEightAndTwoPngs()
    {
        IImageGenerator generator = _modal.Client.AsIImageGenerator("/flux-dev");

        var response = await generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
        {
            ImageSize = new Size(768, 512),
            Count = 2,
            AdditionalProperties = new() { ["seed"] = 7 },
        });

        var calls = _modal.Bodies("/flux-dev");
        Assert.Equal(2, calls.Count);
        Assert.Equal([7L, 8L], calls.Select(c => (long)c["seed"]!).Order());
        Assert.All(calls, c =>
        {
            Assert.Equal("a red fox", (string)c["prompt"]!);
            Assert.Equal(768, (int)c["width"]!);
            Assert.Equal(512, (int)c["height"]!);
        });
        Assert.Equal(2, _modal.Fake.Journal.TotalGpuRunCount);
        Assert.Equal(2, response.Contents.Count);
        var images = response.Contents.Select(c => Assert.IsType<DataContent>(c)).ToList();
        Assert.All(images, image =>
        {
            Assert.Equal("image/png", image.MediaType);
            Assert.Equal((768, 512), Png.Size(image.Data));
        });
        Assert.Equal([7L, 8L], images.Select(i => (long)i.AdditionalProperties![ModalImageContentKeys.Seed]!));
    }

    [Fact]
    public async Task AsIImageGenerator_OriginalImageWithoutModelId_ReachesQwenEditAsInstruction()
    {
        var source = Images.Png(96, 64);
        IImageGenerator generator = _modal.Client.AsIImageGenerator();

        var response = await generator.EditImageAsync(source, "make the sky orange");

        var call = _modal.SingleBody("/qwen-image-edit-2511");
        Assert.Equal("make the sky orange", (string)call["instruction"]!);
        Assert.Equal(Images.DataUrl(source), (string)call["source_image"]!);
        Assert.False(call.ContainsKey("prompt"));
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal((96, 64), Png.Size(image.Data));
        Assert.Equal("/qwen-image-edit-2511", image.AdditionalProperties![ModalImageContentKeys.Endpoint]);
    }

    [Fact]
    public async Task AsIImageGenerator_NoModelId_ReachesZImageDanrisi()
    {
        IImageGenerator generator = _modal.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a lighthouse at dusk");

        var call = _modal.SingleBody("/z-image-danrisi");
        Assert.Equal("a lighthouse at dusk", (string)call["prompt"]!);
        Assert.Equal(1, _modal.Fake.Journal.TotalGpuRunCount);
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("/z-image-danrisi", image.AdditionalProperties![ModalImageContentKeys.Endpoint]);
    }

    [Fact]
    public async Task AsIImageGenerator_UnderOpenTelemetryAndLogging_TracesModalAndLogsTheCall()
    {
        var sourceName = $"modal-meai-test-{Guid.NewGuid():N}";
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));

        using var generator = new ImageGeneratorBuilder(_modal.Client.AsIImageGenerator("/flux-dev"))
            .UseOpenTelemetry(sourceName: sourceName)
            .UseLogging(loggerFactory)
            .Build();
        var response = await generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
        {
            ImageSize = new Size(256, 128),
            AdditionalProperties = new() { ["seed"] = 3, ["steps"] = 8 },
        });

        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal((256, 128), Png.Size(image.Data));
        Assert.Equal(8, (int)_modal.SingleBody("/flux-dev")["steps"]!);
        var activity = Assert.Single(activities);
        Assert.Equal("modal", activity.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("/flux-dev", activity.GetTagItem("gen_ai.request.model"));
        Assert.Equal(256, activity.GetTagItem("gen_ai.request.image.width"));
        var messages = logs.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("GenerateAsync invoked", StringComparison.Ordinal));
        Assert.Contains("GenerateAsync completed.", messages);
        Assert.Equal("modal", generator.GetService<ImageGeneratorMetadata>()!.ProviderName);
    }

    [Fact]
    public async Task AddImageGenerator_TheReadmeExample_RegistersAndGeneratesAsDocumented()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddModalClient(o => o.UseFakeDeployment(_modal.Fake));
        // The README's "Microsoft.Extensions.AI" section, verbatim from here on.
        services.AddImageGenerator(sp => sp.GetRequiredService<IModalClient>().AsIImageGenerator()).UseOpenTelemetry();
        await using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IImageGenerator>();
        var printed = new List<string>();

        ImageGenerationResponse response = await generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
        {
            ModelId = "/flux-dev",
            ImageSize = new Size(768, 512),
            Count = 2,
            AdditionalProperties = new() { ["seed"] = 7 },
        });
        foreach (DataContent image in response.Contents.OfType<DataContent>())
        {
            printed.Add($"{image.MediaType}, seed {image.AdditionalProperties?[ModalImageContentKeys.Seed]}");
        }

        Assert.Equal(["image/png, seed 7", "image/png, seed 8"], printed);
        Assert.Equal([7L, 8L], _modal.Bodies("/flux-dev").Select(c => (long)c["seed"]!).Order());
        Assert.All(response.Contents, c => Assert.Equal((768, 512), Png.Size(((DataContent)c).Data)));
        var metadata = generator.GetService<ImageGeneratorMetadata>()!;
        Assert.Equal("modal", metadata.ProviderName);
        Assert.Equal("/z-image-danrisi", metadata.DefaultModelId);
    }

    [Fact]
    public void AsIImageGenerator_NullClient_ThrowsArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ModalClientAIExtensions.AsIImageGenerator(null!));

        Assert.Equal("client", error.ParamName);
    }

    [Theory]
    [InlineData("/nope", "neither an image endpoint nor a use case")]
    [InlineData("/wan2", "was removed")]
    [InlineData("/wan2.6", "not an image")]
    [InlineData("video", "this generator makes images")]
    public void AsIImageGenerator_InvalidDefaultModelId_ThrowsListingValidIds(string modelId, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => _modal.Client.AsIImageGenerator(modelId));

        Assert.Equal("defaultModelId", error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid model ids: fast-preview, quality-text-to-image, fast-quality, face-consistency, upscaling, /flux, /flux-dev,", error.Message, StringComparison.Ordinal);
        Assert.Empty(_modal.Fake.Journal.All);
    }

    [Fact]
    public async Task AsIImageGenerator_ModelIdWithoutSlash_CallsThatEndpoint()
    {
        var generator = _modal.Client.AsIImageGenerator("z-image-simple");

        await generator.GenerateImagesAsync("a cat");

        Assert.Equal(1, _modal.Fake.Journal.CallCount("/z-image-simple"));
        Assert.Equal("/z-image-simple", generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task AsIImageGenerator_DisposeGenerator_LeavesClientUsable()
    {
        var generator = _modal.Client.AsIImageGenerator("/flux");

        generator.Dispose();
        var image = await _modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "still works" });

        Assert.Equal("/flux-dev", image.Endpoint?.Path);
    }
}
