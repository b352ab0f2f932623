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
        ["/flux"] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        ["/flux-dev"] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        ["/flux-dev-lora"] = (ErrorStyle.AppHandler, "flux", JpegLabel),
        ["/sdxl-turbo"] = (ErrorStyle.LegacySdxl, "instantid", JpegLabel),
        ["/sdxl-lightning"] = (ErrorStyle.LegacySdxl, "instantid", JpegLabel),
        ["/qwen-image-2512"] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        ["/qwen-image-2512-fast"] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        ["/qwen-image-2512-lora"] = (ErrorStyle.AppHandler, "qwen_image", JpegLabel),
        ["/z-image-simple"] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        ["/z-image-danrisi"] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        ["/z-image-lora"] = (ErrorStyle.AppHandler, "z_image", JpegLabel),
        ["/sdxl-instantid"] = (ErrorStyle.RouteTryExcept, "instantid", JpegLabel),
        ["/flux-pulid"] = (ErrorStyle.AppHandler, "pulid_flux", JpegLabel),
        ["/flux-ipadapter-faceid"] = (ErrorStyle.RouteTryExcept, "ipadapter_faceid", JpegLabel),
        ["/wan2.6"] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        ["/wan2.6-r2v"] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        ["/wan2.6-lora"] = (ErrorStyle.AppHandler, "wan26", WebPLabel),
        ["/video-faceswap"] = (ErrorStyle.AppHandler, "qwen_image", Mp4Label),
        ["/seedvr2"] = (ErrorStyle.SeedVr2, "seedvr2", PngLabel),
        ["/qwen-image-edit-2511"] = (ErrorStyle.AppHandler, "qwen_edit", JpegLabel),
        ["/qwen-image-inpaint-2511"] = (ErrorStyle.AppHandler, "qwen_edit", JpegLabel),
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

    public bool IsSdxlTurboOrLightning => Path is "/sdxl-turbo" or "/sdxl-lightning";

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
