namespace Modal.Client.Testing.Internal;

/// <summary>
/// The wire facts of one endpoint that the catalog does not hold: how its route reports errors, which handler
/// module raises them, and the Content-Type label it puts on its output (contract §1, §2.3, X.4).
/// </summary>
internal sealed class EndpointSpec
{
    public const string JpegLabel = "image/jpeg";
    public const string PngLabel = "image/png";
    public const string WebPLabel = "image/webp";
    public const string Mp4Label = "video/mp4";

    private static readonly Dictionary<string, (ErrorStyle Style, string Module, string Label)> Facts = new(StringComparer.Ordinal)
    {
        [ModalEndpointPaths.FluxSchnell] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        [ModalEndpointPaths.FluxDev] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        [ModalEndpointPaths.FluxDevLora] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        [ModalEndpointPaths.SdxlTurbo] = (ErrorStyle.LegacySdxl, "instantid", JpegLabel),
        [ModalEndpointPaths.SdxlLightning] = (ErrorStyle.LegacySdxl, "instantid", JpegLabel),
        [ModalEndpointPaths.QwenImage2512] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        [ModalEndpointPaths.QwenImage2512Fast] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        [ModalEndpointPaths.QwenImage2512Lora] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        [ModalEndpointPaths.ZImageSimple] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        [ModalEndpointPaths.ZImageDanrisi] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        [ModalEndpointPaths.ZImageLora] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        [ModalEndpointPaths.SdxlInstantId] = (ErrorStyle.RouteTryExcept, "instantid", JpegLabel),
        [ModalEndpointPaths.FluxPulid] = (ErrorStyle.AppHandler, "pulid_flux", JpegLabel),
        [ModalEndpointPaths.FluxIpAdapterFaceId] = (ErrorStyle.RouteTryExcept, "ipadapter_faceid", JpegLabel),
        [ModalEndpointPaths.Wan26] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        [ModalEndpointPaths.Wan26R2V] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        [ModalEndpointPaths.Wan26Lora] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        [ModalEndpointPaths.VideoFaceSwap] = (ErrorStyle.AppHandler, "qwen_image", Mp4Label),
        [ModalEndpointPaths.SeedVr2] = (ErrorStyle.SeedVr2, "seedvr2", PngLabel),
        [ModalEndpointPaths.QwenImageEdit] = (ErrorStyle.AppHandler, "qwen_edit", JpegLabel),
        [ModalEndpointPaths.QwenImageInpaint] = (ErrorStyle.AppHandler, "qwen_edit", JpegLabel),
    };

    private EndpointSpec(string path, string app, ErrorStyle style, string module, string label)
    {
        Path = path;
        App = app;
        Style = style;
        Module = module;
        ContentTypeLabel = label;
    }

    public string Path { get; }

    /// <summary>The Modal app name that serves the route, for example <c>ryla-flux</c>.</summary>
    public string App { get; }

    public ErrorStyle Style { get; }

    /// <summary>The handler module under <c>/root/handlers/</c>, used in fake tracebacks.</summary>
    public string Module { get; }

    /// <summary>The Content-Type the server puts on a success (often not what the bytes are).</summary>
    public string ContentTypeLabel { get; }

    /// <summary>True for the routes whose app-level E2 handler adds <c>"path"</c> (ryla-flux).</summary>
    public bool AddsPathToErrors => App == ModalApp.Flux.Name;

    public bool IsSdxlTurboOrLightning => Path is ModalEndpointPaths.SdxlTurbo or ModalEndpointPaths.SdxlLightning;

    public static EndpointSpec For(ModalEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!Facts.TryGetValue(endpoint.Path, out var facts) || endpoint.App is null)
        {
            throw new InvalidOperationException(
                $"The fake Modal deployment has no wire contract for '{endpoint.Path}'. Add it to {nameof(EndpointSpec)} and {nameof(EndpointRules)}.");
        }

        return new EndpointSpec(endpoint.Path, endpoint.App.Name, facts.Style, facts.Module, facts.Label);
    }
}
