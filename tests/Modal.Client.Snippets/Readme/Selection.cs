namespace Modal.Client.Snippets.Readme;

/// <summary>README "Choosing a model" and "Catalog".</summary>
internal static class Selection
{
    public static async Task ChooseAsync(IModelSelector selector, ModalDeploymentDiscovery discovery)
    {
        #region choosing-model
        // selector (IModelSelector) and discovery (ModalDeploymentDiscovery) come from dependency injection.
        ModalUseCaseRecommendation row = ModelSelector.Recommend(ModalUseCase.FastPreview);     // /z-image-danrisi, else /flux
        ModalEndpoint? cheapestFace = ModelSelector.Cheapest(ModalCapability.FaceConsistency);  // /sdxl-instantid

        ModalSelection picks = ModelSelector.Select(new ModalSelectionCriteria
        {
            Capability = ModalCapability.TextToImage,
            MaxCostUsd = 0.025m,
            MaxDuration = TimeSpan.FromSeconds(50),
            Exclude = [ModalEndpoint.FluxSchnell],
            Deployment = await discovery.DiscoverAsync(),   // skips routes the apps do not serve (GET /openapi.json)
        });
        foreach (var c in picks.Candidates) Console.WriteLine($"{c.Endpoint.Path}: {c.Reason}");

        ModalBatchEstimate batch = ModelSelector.EstimateBatch(ModalEndpoint.FluxSchnell, calls: 100);   // $1.600, and the time at 5 in flight

        // Run what was chosen (IModelSelector from DI): one prompt, any plain text-to-image endpoint, with an opt-in
        // fallback to the alternative when the primary is not deployed or fails before GPU work starts.
        GeneratedImage image = await selector.GenerateImageAsync(
            new TextToImagePrompt { Prompt = "a red fox", Width = 768, Height = 768 }, ModalUseCase.FastPreview, fallback: true);
        GeneratedImage flux = await selector.GenerateImageAsync(new TextToImagePrompt { Prompt = "a red fox" }, ModalEndpoint.FluxDev);
        #endregion
    }

    public static void Catalog()
    {
        #region catalog
        IReadOnlyList<ModalEndpoint> deployed = ModalCatalog.Current;    // 19: what the reference deployment serves
        IReadOnlyList<ModalEndpoint> callable = ModalCatalog.Callable;   // 21: also /sdxl-turbo and /sdxl-lightning (Undeployed)
        ModalEndpoint dev = ModalCatalog.GetCallable("/flux-dev");       // same as ModalEndpoint.FluxDev
        Console.WriteLine($"{dev.Path} on {dev.App?.Name}: ~{dev.TypicalDuration?.TotalSeconds} s, ${dev.DocumentedCostUsd}");
        // ModalCatalog.GetCallable("/wan2") throws ModalEndpointUnavailableException: removed, call /wan2.6 instead
        #endregion
    }
}
