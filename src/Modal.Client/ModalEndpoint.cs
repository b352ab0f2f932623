namespace Modal.Client;

/// <summary>
/// What the inventory and the wire contract say about one endpoint: where it is deployed, what it returns, how
/// long it takes and what it costs. Read them from <see cref="ModalCatalog"/>.
/// </summary>
public sealed partial class ModalEndpoint : IEquatable<ModalEndpoint>
{
    internal ModalEndpoint(string path, string title, ModalEndpointStatus status)
    {
        Path = path;
        Title = title;
        Status = status;
    }

    /// <summary>The route, for example <c>/flux-dev</c>.</summary>
    public string Path { get; }

    /// <summary>A short human name, for example <c>Flux Dev text-to-image</c>.</summary>
    public string Title { get; }

    /// <summary>Whether the endpoint can be called.</summary>
    public ModalEndpointStatus Status { get; }

    /// <summary>The family that offers it on <see cref="IModalClient"/>; <see langword="null"/> unless callable.</summary>
    public ModalFamily? Family { get; internal init; }

    /// <summary>The Modal app that serves it; <see langword="null"/> unless callable.</summary>
    public ModalApp? App { get; internal init; }

    /// <summary>What it returns; <see langword="null"/> unless callable.</summary>
    public ModalOutputKind? OutputKind { get; internal init; }

    /// <summary>What the endpoint can do.</summary>
    public ModalCapability Capabilities { get; internal init; }

    /// <summary>Documented typical wall-clock time of one call (benchmark of 2026-02-02); <see langword="null"/> when never measured.</summary>
    public TimeSpan? TypicalDuration { get; internal init; }

    /// <summary>Documented cost of one call in USD (wall time × the L40S price); <see langword="null"/> when never measured.</summary>
    public decimal? DocumentedCostUsd { get; internal init; }

    /// <summary>Rank in the inventory's speed list (1 = fastest); <see langword="null"/> when the endpoint is not ranked.</summary>
    public int? SpeedRank { get; internal init; }

    /// <summary>Rank in the inventory's cost list (1 = cheapest); <see langword="null"/> when the endpoint is not ranked.</summary>
    public int? CostRank { get; internal init; }

    /// <summary>
    /// The default time budget of one call: it covers the documented duration, a cold start and the server's own
    /// internal limits. Override it with <see cref="ModalClientOptions.EndpointTimeouts"/> or <see cref="ModalClientOptions.Timeout"/>.
    /// </summary>
    public TimeSpan DefaultBudget { get; internal init; } = TimeSpan.FromMinutes(5);

    /// <summary>For removed endpoints, why; for future ones, what they wait for; for current ones, a caveat worth knowing (or <see langword="null"/>).</summary>
    public string? Note { get; internal init; }

    /// <summary>
    /// For removed endpoints, the inventory's replacement. For undeployed ones, the fastest text-to-image endpoint. For
    /// current ones, the inventory's use-case alternative (or <see langword="null"/> when it names none).
    /// </summary>
    public ModalEndpoint? Alternative => AlternativePath is { } path ? ModalCatalog.Get(path) : ModalCatalog.UseCaseAlternativeOf(this);

    /// <summary>The path of the endpoint's own alternative, as the inventory writes it.</summary>
    internal string? AlternativePath { get; init; }

    /// <summary>
    /// Whether a typed method of <see cref="IModalClient"/> calls it: <see cref="ModalEndpointStatus.Current"/> and
    /// <see cref="ModalEndpointStatus.Undeployed"/> endpoints.
    /// </summary>
    public bool IsCallable => Status is ModalEndpointStatus.Current or ModalEndpointStatus.Undeployed;

    /// <summary>For future endpoints, the inventory's status word (<c>Waiting</c>, <c>Pending</c>).</summary>
    public string? FutureStatus { get; internal init; }

    /// <inheritdoc/>
    public bool Equals(ModalEndpoint? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);

    /// <inheritdoc/>
    public override string ToString() => Path;
}
