using System.Globalization;

namespace Modal.Client.Cli.Output;

/// <summary>Catalog figures as short text; an unknown figure is said to be unknown, never shown as zero.</summary>
internal static class CatalogText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Output(ModalEndpoint endpoint) => endpoint.OutputKind switch
    {
        ModalOutputKind.Image => "image",
        ModalOutputKind.AnimatedWebP => "animated WebP",
        ModalOutputKind.Mp4 => "MP4",
        _ => "-",
    };

    public static string Time(ModalEndpoint endpoint) =>
        endpoint.TypicalDuration is { } t ? TimeText.Approximate(t) : "unknown";

    public static string Cost(ModalEndpoint endpoint) =>
        endpoint.DocumentedCostUsd is { } usd ? string.Create(Invariant, $"${usd:0.000}") : "unknown";

    public static string SpeedRank(ModalEndpoint endpoint) =>
        endpoint.SpeedRank is { } rank ? string.Create(Invariant, $"{rank}/{ModalCatalog.SpeedRanking.Count}") : "-";

    public static string CostRank(ModalEndpoint endpoint) =>
        endpoint.CostRank is { } rank ? string.Create(Invariant, $"{rank}/{ModalCatalog.CostRanking.Count}") : "-";

    /// <summary>For example <c>/flux (Flux Schnell text-to-image, ~29 s, $0.016)</c>.</summary>
    public static string Summary(ModalEndpoint endpoint) =>
        $"{endpoint.Path} ({endpoint.Title}, {Time(endpoint)}, {Cost(endpoint)})";
}
