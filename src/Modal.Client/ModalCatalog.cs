using System.Diagnostics.CodeAnalysis;

namespace Modal.Client;

/// <summary>
/// The endpoint inventory: the 21 current endpoints, the 4 removed ones with their alternatives and the 2 future ones.
/// This is the one place that maps endpoints to apps, families, output kinds, documented time and cost, and budgets.
/// </summary>
public static partial class ModalCatalog
{
    private static readonly ModalEndpoint[] Entries = Build();

    // A plain dictionary: read-only after this initializer, so safe for concurrent reads. A frozen one would analyse its
    // 27 keys and load System.Collections.Immutable into every process for the one lookup a call makes.
    private static readonly Dictionary<string, ModalEndpoint> ByPath = Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);

    /// <summary>Every endpoint of the inventory (current, removed and future), current ones first in inventory order.</summary>
    public static IReadOnlyList<ModalEndpoint> All { get; } = Array.AsReadOnly(Entries);

    /// <summary>The inventory's use-case table: a primary endpoint, an alternative and a note per use case.</summary>
    public static IReadOnlyList<ModalUseCaseRecommendation> UseCases => Derived.UseCases;

    /// <summary>The inventory's speed ranking (fastest first): the 13 ranked endpoints.</summary>
    public static IReadOnlyList<ModalEndpoint> SpeedRanking => Derived.SpeedRanking;

    /// <summary>The inventory's cost ranking (cheapest first): the 18 ranked endpoints.</summary>
    public static IReadOnlyList<ModalEndpoint> CostRanking => Derived.CostRanking;

    /// <summary>
    /// The 21 endpoints with a typed method on <see cref="IModalClient"/>: the <see cref="ModalEndpointStatus.Current"/>
    /// ones and the <see cref="ModalEndpointStatus.Undeployed"/> ones (whose routes the reference deployment deleted).
    /// </summary>
    public static IReadOnlyList<ModalEndpoint> Callable => Derived.Callable;

    /// <summary>The 19 endpoints the reference deployment serves (<see cref="ModalEndpointStatus.Current"/>).</summary>
    public static IReadOnlyList<ModalEndpoint> Current => Derived.Current;

    /// <summary>The GPU price used for cost estimates: L40S, USD per second (contract X.10).</summary>
    public const decimal GpuPriceUsdPerSecond = 0.000542m;

    /// <summary>Finds an endpoint by path (with or without the leading slash).</summary>
    /// <param name="path">For example <c>/flux</c> or <c>wan2.6</c>.</param>
    /// <param name="endpoint">The endpoint, when found.</param>
    /// <returns><see langword="true"/> when the inventory knows <paramref name="path"/>.</returns>
    public static bool TryFind(string? path, [NotNullWhen(true)] out ModalEndpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var normalized = path.StartsWith('/') ? path : "/" + path;
        return ByPath.TryGetValue(normalized, out endpoint);
    }

    /// <summary>
    /// Returns the callable endpoint at <paramref name="path"/>; a removed or future endpoint is refused with the
    /// reason and the alternative, so it cannot be called by accident.
    /// </summary>
    /// <param name="path">For example <c>/flux</c> (the leading slash is optional).</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ModalEndpointUnavailableException">The endpoint was removed or is not yet available.</exception>
    /// <exception cref="ArgumentException">The inventory has no such endpoint.</exception>
    public static ModalEndpoint GetCallable(string path)
    {
        if (!TryFind(path, out var endpoint))
        {
            throw new ArgumentException(
                $"'{path}' is not an endpoint of the inventory. Known endpoints: {string.Join(", ", Callable.Select(e => e.Path))}.",
                nameof(path));
        }

        return GetCallable(endpoint);
    }

    /// <summary>Returns <paramref name="endpoint"/> when it is callable; a removed or future one is refused with the reason and the alternative.</summary>
    /// <param name="endpoint">An endpoint of the catalog.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ModalEndpointUnavailableException">The endpoint was removed or is not yet available.</exception>
    public static ModalEndpoint GetCallable(ModalEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsCallable ? endpoint : throw new ModalEndpointUnavailableException(endpoint);
    }

    /// <summary>The entry at an exact path (one of <see cref="ModalEndpointPaths"/>).</summary>
    internal static ModalEndpoint Get(string path) => ByPath[path];

    /// <summary>The alternative the use-case table names for an endpoint that is a use case's primary.</summary>
    internal static ModalEndpoint? UseCaseAlternativeOf(ModalEndpoint endpoint)
        => UseCases.FirstOrDefault(u => u.Primary == endpoint)?.Alternative;

    /// <summary>The lists derived from the entries, built on first use: a call looks up its endpoint and needs none of them.</summary>
    private static class Derived
    {
        public static readonly IReadOnlyList<ModalUseCaseRecommendation> UseCases = BuildUseCases();

        public static readonly IReadOnlyList<ModalEndpoint> SpeedRanking = [.. Entries.Where(e => e.SpeedRank is not null).OrderBy(e => e.SpeedRank)];

        public static readonly IReadOnlyList<ModalEndpoint> CostRanking = [.. Entries.Where(e => e.CostRank is not null).OrderBy(e => e.CostRank)];

        public static readonly IReadOnlyList<ModalEndpoint> Callable = [.. Entries.Where(e => e.IsCallable)];

        public static readonly IReadOnlyList<ModalEndpoint> Current = [.. Entries.Where(e => e.Status == ModalEndpointStatus.Current)];
    }
}
