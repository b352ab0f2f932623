using System.Globalization;
using System.Text;

namespace Modal.Client.Internal;

/// <summary>Renders the catalog's rankings and use cases as the README's "Choosing a model" tables (a test keeps them in sync).</summary>
internal static class CatalogMarkdown
{
    public const string StartMarker = "<!-- catalog:start (generated from ModalCatalog; CatalogMarkdownTests keeps it in sync) -->";
    public const string EndMarker = "<!-- catalog:end -->";

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("| Use case | Primary | Alternative | Notes |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var u in ModalCatalog.UseCases)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {u.Title} | `{u.Primary.Path}` | {(u.Alternative is null ? "-" : $"`{u.Alternative.Path}`")} | {u.Note} |");
        }

        md.AppendLine();
        md.AppendLine("| Speed rank | Endpoint | Typical time |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var e in ModalCatalog.SpeedRanking)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {e.SpeedRank} | `{e.Path}` | ~{e.TypicalDuration!.Value.TotalSeconds:0} s |");
        }

        md.AppendLine();
        md.AppendLine("| Cost rank | Endpoint | Cost per call |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var e in ModalCatalog.CostRanking)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {e.CostRank} | `{e.Path}` | ${e.DocumentedCostUsd:0.000} |");
        }

        md.AppendLine();
        md.AppendLine("| Removed | Reason | Call instead |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Removed))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{e.Path}` | {e.Note} | `{e.Alternative}` |");
        }

        md.AppendLine();
        md.AppendLine("| Future | What | Status |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Future))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{e.Path}` | {e.Title} | {e.FutureStatus} |");
        }

        return md.ToString().TrimEnd('\n', '\r');
    }
}
