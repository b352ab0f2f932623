namespace Modal.Client.Snippets;

/// <summary>The values the README's comments promise, checked against the catalog and selector they describe.</summary>
public sealed class ReadmeClaimsTests
{
    [Fact]
    public void ChoosingModel_CommentedValues_AreWhatTheSelectorReturns()
    {
        var row = ModelSelector.Recommend(ModalUseCase.FastPreview);

        Assert.Same(ModalEndpoint.ZImageDanrisi, row.Primary);
        Assert.Same(ModalEndpoint.FluxSchnell, row.Alternative);
        Assert.Same(ModalEndpoint.SdxlInstantId, ModelSelector.Cheapest(ModalCapability.FaceConsistency));
        Assert.Equal(1.600m, ModelSelector.EstimateBatch(ModalEndpoint.FluxSchnell, calls: 100).TotalCostUsd);
    }

    [Fact]
    public void Catalog_CommentedCounts_AreTheCatalogs()
    {
        Assert.Equal(19, ModalCatalog.Current.Count);
        Assert.Equal(21, ModalCatalog.Callable.Count);
        Assert.Equal(
            [ModalEndpoint.SdxlLightning, ModalEndpoint.SdxlTurbo],
            ModalCatalog.Callable.Except(ModalCatalog.Current).OrderBy(e => e.Path, StringComparer.Ordinal));
        Assert.Same(ModalEndpoint.FluxDev, ModalCatalog.GetCallable("/flux-dev"));
        var removed = Assert.Throws<ModalEndpointUnavailableException>(() => ModalCatalog.GetCallable("/wan2"));
        Assert.Same(ModalEndpoint.Wan26, removed.Alternative);
    }

    [Fact]
    public void FamilyExamples_SdxlTurbo_IsUndeployedWithZImageDanrisiAsAlternative()
    {
        Assert.Equal(ModalEndpointStatus.Undeployed, ModalEndpoint.SdxlTurbo.Status);
        Assert.Equal(ModalEndpointStatus.Undeployed, ModalEndpoint.SdxlLightning.Status);
        Assert.Same(ModalEndpoint.ZImageDanrisi, ModalEndpoint.SdxlTurbo.Alternative);
    }
}
