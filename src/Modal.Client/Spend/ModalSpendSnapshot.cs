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

    private static string Calls(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} call{(count == 1 ? string.Empty : "s")}");
}
