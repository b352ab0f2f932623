namespace Modal.Client;

/// <summary>Constraints for <see cref="ModelSelector.Select"/>. Unset members do not constrain.</summary>
public sealed record ModalSelectionCriteria
{
    /// <summary>Every one of these capabilities is required (for example <see cref="ModalCapability.TextToImage"/>).</summary>
    public ModalCapability Capability { get; init; }

    /// <summary>The highest documented cost per call, in USD. An endpoint without a documented cost is rejected.</summary>
    public decimal? MaxCostUsd { get; init; }

    /// <summary>The longest documented duration of a call. An endpoint never measured is rejected.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Endpoints never to choose, for example <see cref="ModalEndpoint.FluxPulid"/>.</summary>
    public IReadOnlyCollection<ModalEndpoint> Exclude { get; init; } = [];

    /// <summary>Also consider <see cref="ModalEndpointStatus.Undeployed"/> endpoints (which the reference deployment answers with 404).</summary>
    /// <value><see langword="false"/>.</value>
    public bool IncludeUndeployed { get; init; }

    /// <summary>The order of the candidates.</summary>
    /// <value><see cref="ModalSelectionOrder.Cost"/>.</value>
    public ModalSelectionOrder OrderBy { get; init; } = ModalSelectionOrder.Cost;

    /// <summary>A discovery report: endpoints it reports as missing are rejected with its reason.</summary>
    public ModalDeploymentReport? Deployment { get; init; }
}
