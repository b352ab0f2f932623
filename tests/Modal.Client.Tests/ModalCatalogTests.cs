namespace Modal.Client.Tests;

/// <summary>The catalog matches the inventory and the contract's summary table.</summary>
public sealed class ModalCatalogTests
{
    [Theory]
    [InlineData("/flux", "ryla-flux", ModalFamily.Flux, ModalOutputKind.Image)]
    [InlineData("/flux-dev", "ryla-flux", ModalFamily.Flux, ModalOutputKind.Image)]
    [InlineData("/flux-dev-lora", "ryla-flux", ModalFamily.Flux, ModalOutputKind.Image)]
    [InlineData("/sdxl-turbo", "ryla-instantid", ModalFamily.Sdxl, ModalOutputKind.Image)]
    [InlineData("/sdxl-lightning", "ryla-instantid", ModalFamily.Sdxl, ModalOutputKind.Image)]
    [InlineData("/qwen-image-2512", "ryla-qwen-image", ModalFamily.Qwen, ModalOutputKind.Image)]
    [InlineData("/qwen-image-2512-fast", "ryla-qwen-image", ModalFamily.Qwen, ModalOutputKind.Image)]
    [InlineData("/qwen-image-2512-lora", "ryla-qwen-image", ModalFamily.Qwen, ModalOutputKind.Image)]
    [InlineData("/z-image-simple", "ryla-z-image", ModalFamily.ZImage, ModalOutputKind.Image)]
    [InlineData("/z-image-danrisi", "ryla-z-image", ModalFamily.ZImage, ModalOutputKind.Image)]
    [InlineData("/z-image-lora", "ryla-z-image", ModalFamily.ZImage, ModalOutputKind.Image)]
    [InlineData("/sdxl-instantid", "ryla-instantid", ModalFamily.Face, ModalOutputKind.Image)]
    [InlineData("/flux-pulid", "ryla-instantid", ModalFamily.Face, ModalOutputKind.Image)]
    [InlineData("/flux-ipadapter-faceid", "ryla-instantid", ModalFamily.Face, ModalOutputKind.Image)]
    [InlineData("/wan2.6", "ryla-wan26", ModalFamily.Video, ModalOutputKind.AnimatedWebP)]
    [InlineData("/wan2.6-r2v", "ryla-wan26", ModalFamily.Video, ModalOutputKind.AnimatedWebP)]
    [InlineData("/wan2.6-lora", "ryla-wan26", ModalFamily.Video, ModalOutputKind.AnimatedWebP)]
    [InlineData("/video-faceswap", "ryla-qwen-image", ModalFamily.Video, ModalOutputKind.Mp4)]
    [InlineData("/seedvr2", "ryla-seedvr2", ModalFamily.Upscale, ModalOutputKind.Image)]
    [InlineData("/qwen-image-edit-2511", "ryla-qwen-image", ModalFamily.Edit, ModalOutputKind.Image)]
    [InlineData("/qwen-image-inpaint-2511", "ryla-qwen-image", ModalFamily.Edit, ModalOutputKind.Image)]
    public void Current_EndpointMapsToContractApp(string path, string app, ModalFamily family, ModalOutputKind kind)
    {
        var endpoint = ModalCatalog.GetCallable(path);

        Assert.Equal(app, endpoint.App!.Name);
        Assert.Equal(family, endpoint.Family);
        Assert.Equal(kind, endpoint.OutputKind);
        Assert.True(endpoint.DefaultBudget >= (endpoint.TypicalDuration ?? TimeSpan.Zero) + TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Callable_HasTwentyOneEndpoints_NineteenServedByTheReferenceDeployment()
    {
        Assert.Equal(21, ModalCatalog.Callable.Count);
        Assert.Equal(19, ModalCatalog.Current.Count);
        Assert.Equal(
            [ModalEndpoint.SdxlTurbo, ModalEndpoint.SdxlLightning],
            ModalCatalog.Callable.Where(e => e.Status == ModalEndpointStatus.Undeployed).ToArray());
    }

    [Fact]
    public void WellKnownEndpoints_AreTheCatalogEntriesOfTheirPaths()
    {
        Assert.Same(ModalCatalog.GetCallable("/flux"), ModalEndpoint.FluxSchnell);
        Assert.Same(ModalCatalog.GetCallable("qwen-image-inpaint-2511"), ModalEndpoint.QwenImageInpaint);
        Assert.Equal(ModalEndpointPaths.Wan26R2V, ModalEndpoint.Wan26R2V.Path);
        Assert.Equal(ModalEndpoint.Wan26, ModalCatalog.TryFind("/wan2", out var removed) ? removed.Alternative : null);
    }

    [Theory]
    [InlineData("/flux", 29, "0.016")]
    [InlineData("/z-image-danrisi", 6, "0.003")]
    [InlineData("/seedvr2", 208, "0.113")]
    [InlineData("/qwen-image-2512-lora", 143, "0.078")]
    public void Current_CarriesDocumentedTimeAndCost(string path, int seconds, string cost)
    {
        var endpoint = ModalCatalog.GetCallable(path);

        Assert.Equal(TimeSpan.FromSeconds(seconds), endpoint.TypicalDuration);
        Assert.Equal(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), endpoint.DocumentedCostUsd);
    }

    [Fact]
    public void R2V_HasNoDocumentedTimeOrCost()
    {
        var endpoint = ModalCatalog.GetCallable("/wan2.6-r2v");

        Assert.Null(endpoint.TypicalDuration);
        Assert.Null(endpoint.DocumentedCostUsd);
    }

    [Theory]
    [InlineData("/wan2", "/wan2.6", "Model deprecated")]
    [InlineData("/flux-instantid", "/sdxl-instantid", "Shape mismatch")]
    [InlineData("/z-image-instantid", "/sdxl-instantid", "Qwen encoder incompatible")]
    [InlineData("/z-image-pulid", "/flux-pulid", "Qwen encoder incompatible")]
    public void Removed_IsRefusedWithReasonAndAlternative(string path, string alternative, string reason)
    {
        var ex = Assert.Throws<ModalEndpointUnavailableException>(() => ModalCatalog.GetCallable(path));

        Assert.Equal(ModalEndpointStatus.Removed, ex.Status);
        Assert.Equal(alternative, ex.Alternative?.Path);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains(alternative, ex.Message, StringComparison.Ordinal);
        Assert.False(ex.GpuWorkMayHaveRun);
    }

    [Theory]
    [InlineData("/flux2-klein", "Waiting")]
    [InlineData("/flux2-pro", "Pending")]
    public void Future_IsRefusedAsNotYetAvailable(string path, string status)
    {
        var ex = Assert.Throws<ModalEndpointUnavailableException>(() => ModalCatalog.GetCallable(path));

        Assert.Equal(ModalEndpointStatus.Future, ex.Status);
        Assert.Contains(status, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFind_AcceptsPathWithoutSlash()
    {
        Assert.True(ModalCatalog.TryFind("wan2.6", out var endpoint));
        Assert.Equal("/wan2.6", endpoint.Path);
        Assert.False(ModalCatalog.TryFind("/nope", out _));
    }
}
