using System.Globalization;
using System.Text;

namespace Modal.Client;

/// <summary>The ledger's account at one moment.</summary>
public sealed record ModalSpendSnapshot
{
    /// <summary>All calls together.</summary>
    public required ModalSpendLine Total { get; init; }

    /// <summary>Per endpoint path.</summary>
    public required IReadOnlyDictionary<string, ModalSpendLine> ByEndpoint { get; init; }

    /// <summary>Per family.</summary>
    public required IReadOnlyDictionary<ModalFamily, ModalSpendLine> ByFamily { get; init; }

    /// <summary>Spend within the budget's rolling window.</summary>
    public required decimal WindowUsd { get; init; }

    /// <summary>Estimates held by calls still in flight.</summary>
    public required decimal InFlightEstimateUsd { get; init; }

    /// <summary>
    /// <see langword="true"/> when the account is shared by every process using the same store (Modal.Client.Redis):
    /// then <see cref="Total"/>, <see cref="ByEndpoint"/> and <see cref="ByFamily"/> are the fleet's calls within the
    /// budget's rolling window, and <see cref="InFlightEstimateUsd"/> the fleet's calls in flight. <see langword="false"/>
    /// for this process's account, whose lines count every call since start or <see cref="ModalCostLedger.Reset"/>.
    /// </summary>
    public bool IsShared { get; init; }

    /// <summary>Builds a snapshot from per-endpoint lines: the total and the families are summed from them.</summary>
    /// <param name="byEndpoint">The lines, keyed by endpoint path (paths not in <see cref="ModalCatalog"/> count in the total only).</param>
    /// <param name="windowUsd">Spend within the rolling window.</param>
    /// <param name="inFlightEstimateUsd">Estimates held by calls in flight.</param>
    /// <param name="isShared">Whether the account is shared by several processes.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="byEndpoint"/> is null.</exception>
    public static ModalSpendSnapshot Create(IReadOnlyDictionary<string, ModalSpendLine> byEndpoint, decimal windowUsd, decimal inFlightEstimateUsd, bool isShared)
    {
        ArgumentNullException.ThrowIfNull(byEndpoint);
        var lines = new Dictionary<string, ModalSpendLine>(byEndpoint.Count, StringComparer.Ordinal);
        foreach (var (path, line) in byEndpoint)
        {
            lines[path] = line;
        }

        return new ModalSpendSnapshot
        {
            Total = Sum(lines.Values),
            ByEndpoint = lines,
            ByFamily = lines
                .Select(e => (Family: ModalCatalog.TryFind(e.Key, out var endpoint) ? endpoint.Family : null, Line: e.Value))
                .Where(e => e.Family is not null)
                .GroupBy(e => e.Family!.Value)
                .ToDictionary(g => g.Key, g => Sum(g.Select(e => e.Line))),
            WindowUsd = windowUsd,
            InFlightEstimateUsd = inFlightEstimateUsd,
            IsShared = isShared,
        };
    }

    /// <summary>
    /// One readable line: the total with its reported and estimated parts, the rolling window, what calls in flight
    /// hold, then each endpoint, most expensive first. For example
    /// <c>$0.016260 over 2 calls ($0.000000 reported, $0.016260 estimated); window $0.016260; in flight $0.000000; by endpoint: /flux $0.010840 (1 call), /z-image-danrisi $0.005420 (1 call)</c>.
    /// </summary>
    /// <returns>The summary, in invariant culture.</returns>
    public override string ToString()
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(invariant, $"${Total.TotalUsd:0.000000} over {Calls(Total.Calls)} (${Total.ReportedUsd:0.000000} reported, ${Total.EstimatedUsd:0.000000} estimated)");
        text.Append(invariant, $"; window ${WindowUsd:0.000000}; in flight ${InFlightEstimateUsd:0.000000}");
        if (ByEndpoint.Count > 0)
        {
            var endpoints = ByEndpoint
                .OrderByDescending(e => e.Value.TotalUsd)
                .ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => string.Create(invariant, $"{e.Key} ${e.Value.TotalUsd:0.000000} ({Calls(e.Value.Calls)})"));
            text.Append("; by endpoint: ").AppendJoin(", ", endpoints);
        }

        return text.ToString();
    }

    private static ModalSpendLine Sum(IEnumerable<ModalSpendLine> lines)
        => lines.Aggregate(new ModalSpendLine(0, 0, 0), (a, b) => new ModalSpendLine(a.Calls + b.Calls, a.ReportedUsd + b.ReportedUsd, a.EstimatedUsd + b.EstimatedUsd));

    private static string Calls(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} call{(count == 1 ? string.Empty : "s")}");
}
