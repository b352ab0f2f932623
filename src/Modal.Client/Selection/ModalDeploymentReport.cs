namespace Modal.Client;

/// <summary>Which catalog endpoints the deployment really serves, from each app's <c>GET /openapi.json</c>.</summary>
public sealed class ModalDeploymentReport
{
    internal ModalDeploymentReport(IReadOnlyDictionary<string, (ModalDeploymentStatus Status, string Reason)> endpoints, DateTimeOffset discoveredAt)
    {
        Endpoints = endpoints.ToDictionary(e => e.Key, e => e.Value.Status, StringComparer.Ordinal);
        Reasons = endpoints.ToDictionary(e => e.Key, e => e.Value.Reason, StringComparer.Ordinal);
        DiscoveredAt = discoveredAt;
    }

    /// <summary>The status of each current endpoint, keyed by path.</summary>
    public IReadOnlyDictionary<string, ModalDeploymentStatus> Endpoints { get; }

    /// <summary>Why each endpoint has its status (for example <c>ryla-instantid does not list /sdxl-turbo</c>).</summary>
    public IReadOnlyDictionary<string, string> Reasons { get; }

    /// <summary>When the apps were asked.</summary>
    public DateTimeOffset DiscoveredAt { get; }

    /// <summary>The status of one endpoint.</summary>
    /// <param name="path">For example <c>/sdxl-turbo</c>.</param>
    /// <returns>Its status; <see cref="ModalDeploymentStatus.Unknown"/> for a path the report does not cover.</returns>
    public ModalDeploymentStatus StatusOf(string path) => Endpoints.TryGetValue(path, out var status) ? status : ModalDeploymentStatus.Unknown;

    /// <summary>What the report says of one endpoint.</summary>
    /// <param name="endpoint">An endpoint of the catalog.</param>
    /// <returns><see cref="ModalDeploymentStatus.Unknown"/> when the report does not cover it.</returns>
    public ModalDeploymentStatus StatusOf(ModalEndpoint endpoint) => StatusOf(endpoint?.Path ?? throw new ArgumentNullException(nameof(endpoint)));
}
