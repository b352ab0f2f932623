using Modal.Client.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>The inventory's rankings and use cases, pinned; selection, estimates, uniform calls, fallback and discovery.</summary>
public sealed class ModelSelectorTests
{
    [Theory]
    [InlineData(1, "/z-image-danrisi", 6)]
    [InlineData(2, "/flux", 29)]
    [InlineData(3, "/wan2.6", 29)]
    [InlineData(4, "/sdxl-instantid", 29)]
    [InlineData(5, "/flux-dev", 37)]
    [InlineData(6, "/sdxl-turbo", 45)]
    [InlineData(7, "/z-image-simple", 51)]
    [InlineData(8, "/sdxl-lightning", 66)]
    [InlineData(9, "/qwen-image-2512-fast", 73)]
    [InlineData(10, "/flux-pulid", 83)]
    [InlineData(11, "/video-faceswap", 85)]
    [InlineData(12, "/qwen-image-2512", 103)]
    [InlineData(13, "/seedvr2", 208)]
    public void SpeedRanking_MatchesInventory(int rank, string path, int seconds)
    {
        var endpoint = ModalCatalog.SpeedRanking[rank - 1];

        Assert.Equal(path, endpoint.Path);
        Assert.Equal(rank, endpoint.SpeedRank);
        Assert.Equal(TimeSpan.FromSeconds(seconds), endpoint.TypicalDuration);
    }

    [Theory]
    [InlineData(1, "/z-image-danrisi", "0.003")]
    [InlineData(2, "/flux", "0.016")]
    [InlineData(3, "/wan2.6", "0.016")]
    [InlineData(4, "/sdxl-instantid", "0.016")]
    [InlineData(5, "/z-image-lora", "0.016")]
    [InlineData(6, "/flux-dev", "0.020")]
    [InlineData(7, "/sdxl-turbo", "0.024")]
    [InlineData(8, "/wan2.6-lora", "0.025")]
    [InlineData(9, "/z-image-simple", "0.028")]
    [InlineData(10, "/flux-ipadapter-faceid", "0.033")]
    [InlineData(11, "/flux-dev-lora", "0.033")]
    [InlineData(12, "/sdxl-lightning", "0.036")]
    [InlineData(13, "/qwen-image-2512-fast", "0.040")]
    [InlineData(14, "/flux-pulid", "0.045")]
    [InlineData(15, "/video-faceswap", "0.046")]
    [InlineData(16, "/qwen-image-2512", "0.056")]
    [InlineData(17, "/qwen-image-2512-lora", "0.078")]
    [InlineData(18, "/seedvr2", "0.113")]
    public void CostRanking_MatchesInventory(int rank, string path, string cost)
    {
        var endpoint = ModalCatalog.CostRanking[rank - 1];

        Assert.Equal(path, endpoint.Path);
        Assert.Equal(rank, endpoint.CostRank);
        Assert.Equal(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), endpoint.DocumentedCostUsd);
    }

    [Fact]
    public void Rankings_HaveInventoryLengths()
    {
        Assert.Equal(13, ModalCatalog.SpeedRanking.Count);
        Assert.Equal(18, ModalCatalog.CostRanking.Count);
    }

    [Theory]
    [InlineData(ModalUseCase.FastPreview, "Fast preview", "/z-image-danrisi", "/flux", "Minimal cold start")]
    [InlineData(ModalUseCase.QualityTextToImage, "Quality T2I", "/qwen-image-2512", "/flux-dev", "Hyper-realistic")]
    [InlineData(ModalUseCase.FastQuality, "Fast quality", "/qwen-image-2512-fast", "/flux", "4 steps")]
    [InlineData(ModalUseCase.FaceConsistency, "Face consistency", "/sdxl-instantid", "/flux-pulid", "85-90% match")]
    [InlineData(ModalUseCase.Video, "Video", "/wan2.6", null, "Text-to-video")]
    [InlineData(ModalUseCase.VideoFaceSwap, "Video faceswap", "/video-faceswap", null, "ReActor-based")]
    [InlineData(ModalUseCase.Upscaling, "Upscaling", "/seedvr2", null, "2x realistic")]
    public void Recommend_MatchesUseCaseTable(ModalUseCase useCase, string title, string primary, string? alternative, string note)
    {
        var row = ModelSelector.Recommend(useCase);

        Assert.Equal(title, row.Title);
        Assert.Equal(primary, row.Primary.Path);
        Assert.Equal(alternative, row.Alternative?.Path);
        Assert.Equal(note, row.Note);
    }

    [Fact]
    public void UseCases_AreSeven() => Assert.Equal(7, ModalCatalog.UseCases.Count);

    [Theory]
    [InlineData(ModalCapability.None, "/z-image-danrisi", "/z-image-danrisi")]
    [InlineData(ModalCapability.FaceConsistency, "/sdxl-instantid", "/sdxl-instantid")]
    [InlineData(ModalCapability.Video, "/wan2.6", "/wan2.6")]
    [InlineData(ModalCapability.Upscaling, "/seedvr2", "/seedvr2")]
    [InlineData(ModalCapability.Lora, null, "/z-image-lora")]
    public void FastestAndCheapest_RespectCapability(ModalCapability capability, string? fastest, string? cheapest)
    {
        Assert.Equal(fastest, ModelSelector.Fastest(capability)?.Path);
        Assert.Equal(cheapest, ModelSelector.Cheapest(capability)?.Path);
    }

    [Fact]
    public void Select_UnderCostAndTime_OrdersByCostWithReasons()
    {
        var selection = ModelSelector.Select(new ModalSelectionCriteria
        {
            Capability = ModalCapability.TextToImage,
            MaxCostUsd = 0.025m,
            MaxDuration = TimeSpan.FromSeconds(50),
            Exclude = [ModalEndpoint.FluxDev],
        });

        Assert.Equal(["/z-image-danrisi", "/flux", "/z-image-lora"], selection.Candidates.Select(c => c.Endpoint.Path));
        Assert.Contains("cost rank 1 of 18", selection.Best!.Reason, StringComparison.Ordinal);
        Assert.Contains(selection.Rejected, r => r.Endpoint.Path == "/flux-dev" && r.Reason.Contains("excluded", StringComparison.Ordinal));
        Assert.Contains(selection.Rejected, r => r.Endpoint.Path == "/qwen-image-2512" && r.Reason.Contains("over $0.025", StringComparison.Ordinal));
        Assert.Contains(selection.Rejected, r => r.Endpoint.Path == "/wan2.6" && r.Reason.Contains("lacks TextToImage", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_BySpeed_PutsUnrankedAfterRanked()
    {
        var selection = ModelSelector.Select(new ModalSelectionCriteria { Capability = ModalCapability.TextToImage, OrderBy = ModalSelectionOrder.Speed });

        var paths = selection.Candidates.Select(c => c.Endpoint.Path).ToList();
        Assert.Equal("/z-image-danrisi", paths[0]);
        Assert.True(paths.IndexOf("/qwen-image-2512") < paths.IndexOf("/z-image-lora"));
        Assert.Contains("speed unranked", selection.Candidates.Single(c => c.Endpoint.Path == "/z-image-lora").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WithCostLimit_RejectsUnknownCostInsteadOfTreatingItAsZero()
    {
        var selection = ModelSelector.Select(new ModalSelectionCriteria { Capability = ModalCapability.Video, MaxCostUsd = 1m });

        var r2v = Assert.Single(selection.Rejected, r => r.Endpoint.Path == "/wan2.6-r2v");
        Assert.Contains("no documented cost", r2v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NeverReturnsRemovedOrFutureEndpoints()
    {
        var selection = ModelSelector.Select(new ModalSelectionCriteria());
        var withUndeployed = ModelSelector.Select(new ModalSelectionCriteria { IncludeUndeployed = true });

        Assert.Equal(19, selection.Candidates.Count);
        Assert.All(selection.Candidates, c => Assert.Equal(ModalEndpointStatus.Current, c.Endpoint.Status));
        Assert.Contains(selection.Rejected, r => r.Endpoint == ModalEndpoint.SdxlTurbo && r.Reason.Contains("IncludeUndeployed", StringComparison.Ordinal));
        Assert.Equal(21, withUndeployed.Candidates.Count);
    }

    [Fact]
    public void EstimateBatch_MultipliesDocumentedFigures()
    {
        var estimate = ModelSelector.EstimateBatch("/flux", 12);

        Assert.Equal(0.192m, estimate.TotalCostUsd);
        Assert.Equal(TimeSpan.FromSeconds(29 * 12), estimate.SequentialDuration);
        Assert.Equal(5, estimate.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(29 * 3), estimate.ConcurrentDuration);
    }

    [Fact]
    public void EstimateBatch_UnbenchmarkedEndpoint_SaysUnknownNotZero()
    {
        var estimate = ModelSelector.EstimateBatch("/wan2.6-r2v", 3, concurrency: 2);

        Assert.Null(estimate.TotalCostUsd);
        Assert.Null(estimate.SequentialDuration);
        Assert.Contains("unknown, not zero", estimate.Caveat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/flux")]
    [InlineData("/flux-dev")]
    [InlineData("/sdxl-turbo")]
    [InlineData("/sdxl-lightning")]
    [InlineData("/qwen-image-2512")]
    [InlineData("/qwen-image-2512-fast")]
    [InlineData("/z-image-simple")]
    [InlineData("/z-image-danrisi")]
    public async Task GenerateImageAsync_BuildsTheEndpointsOwnRequest(string path)
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { ServeDeletedSdxlRoutes = true });

        var image = await modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox", Width = 512, Height = 384, Seed = 5 }, ModalCatalog.GetCallable(path));

        Assert.Equal(path, image.Endpoint?.Path);
        Assert.Equal((512, 384), (image.Width!.Value, image.Height!.Value));
        var body = Assert.Single(modal.Fake.Journal.Requests(path)).BodyAsJson()!;
        Assert.Equal("a fox", body["prompt"]!.GetValue<string>());
        Assert.Equal(5, body["seed"]!.GetValue<long>());
    }

    [Fact]
    public async Task GenerateImageAsync_LoraEndpoint_IsRefusedBeforeSending()
    {
        using var modal = new FakeModal();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "p" }, ModalCatalog.GetCallable("/flux-dev-lora")));

        Assert.Contains("needs a LoRA", ex.Message, StringComparison.Ordinal);
        Assert.Empty(modal.Fake.Journal.All);
    }

    [Fact]
    public async Task GenerateImageAsync_WithFallback_UsesAlternativeWhenPrimaryNotDeployed()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/z-image-danrisi").Inject(FakeFault.AppStopped);

        var image = await modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalUseCase.FastPreview, fallback: true);

        Assert.Equal("/flux", image.Endpoint?.Path);
        Assert.Equal(0, modal.Fake.Journal.GpuRunCount("/z-image-danrisi"));
    }

    [Fact]
    public async Task GenerateImageAsync_DeletedSdxlRoute_FallsBackToFastestTextToImage()
    {
        using var modal = new FakeModal();

        var image = await modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalCatalog.GetCallable("/sdxl-turbo"), fallback: true);

        Assert.Equal("/z-image-danrisi", image.Endpoint?.Path);
        Assert.Equal(0, modal.Fake.Journal.GpuRunCount("/sdxl-turbo"));
    }

    [Fact]
    public async Task GenerateImageAsync_WithoutFallback_SurfacesTheError()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/z-image-danrisi").Inject(FakeFault.AppStopped);

        await Assert.ThrowsAsync<ModalPlatformException>(() => modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalUseCase.FastPreview));
    }

    [Fact]
    public async Task GenerateImageAsync_WorkflowFailure_DoesNotFallBack()
    {
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/qwen-image-2512").Inject(FakeFault.WorkflowFailure);

        await Assert.ThrowsAsync<ModalApiException>(() =>
            modal.Selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a fox" }, ModalUseCase.QualityTextToImage, fallback: true));

        Assert.Equal(0, modal.Fake.Journal.CallCount("/flux-dev"));
    }

    [Fact]
    public async Task GenerateFaceAsync_FallsBackToPulidOnNotFound()
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { PortPerApp = true });
        modal.Fake.Endpoint("/sdxl-instantid").Inject(FakeFault.InvalidFunctionCall);
        var face = ModalMedia.FromBytes(TestMedia.Png(64, 64));

        var image = await modal.Selector.GenerateFaceAsync(new FacePrompt { ReferenceImage = face, Prompt = "portrait", NegativePrompt = "blur" }, fallback: true);

        Assert.Equal("/flux-pulid", image.Endpoint?.Path);
        var body = Assert.Single(modal.Fake.Journal.Requests("/flux-pulid")).BodyAsJson()!;
        Assert.False(body.ContainsKey("negative_prompt"));
    }

    [Fact]
    public async Task Discovery_ReportsMissingRoutes_AndSelectionSkipsThem()
    {
        using var modal = new FakeModal(new FakeModalDeploymentOptions { PortPerApp = true });

        var report = await modal.Selector.Discovery.DiscoverAsync();
        var selection = ModelSelector.Select(new ModalSelectionCriteria { Capability = ModalCapability.TextToImage, Deployment = report });

        Assert.Equal(ModalDeploymentStatus.Missing, report.StatusOf("/sdxl-turbo"));
        Assert.Equal(ModalDeploymentStatus.Missing, report.StatusOf("/sdxl-lightning"));
        Assert.Equal(19, report.Endpoints.Count(e => e.Value == ModalDeploymentStatus.Deployed));
        Assert.DoesNotContain(selection.Candidates, c => c.Endpoint.Path == "/sdxl-turbo");
        Assert.Contains(selection.Rejected, r => r.Endpoint.Path == "/sdxl-turbo" && r.Reason.Contains("does not list /sdxl-turbo", StringComparison.Ordinal));
        Assert.Same(report, await modal.Selector.Discovery.DiscoverAsync());
        Assert.NotSame(report, await modal.Selector.Discovery.DiscoverAsync(refresh: true));
    }

    [Fact]
    public async Task Discovery_UnreachableApp_IsUnknownNotMissing()
    {
        using var modal = new FakeModal(configure: o => o.AppUrls["ryla-seedvr2"] = new Uri("http://127.0.0.1:1/"));

        var report = await modal.Selector.Discovery.DiscoverAsync();

        Assert.Equal(ModalDeploymentStatus.Unknown, report.StatusOf("/seedvr2"));
        Assert.Equal(ModalDeploymentStatus.Deployed, report.StatusOf("/flux"));
    }
}
