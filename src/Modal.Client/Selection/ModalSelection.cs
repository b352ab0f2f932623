namespace Modal.Client;

/// <summary>The outcome of <see cref="ModelSelector.Select"/>.</summary>
public sealed record ModalSelection
{
    /// <summary>The endpoints that meet the criteria, in the requested order.</summary>
    public required IReadOnlyList<ModalCandidate> Candidates { get; init; }

    /// <summary>The current endpoints that were left out, each with the constraint it failed.</summary>
    public required IReadOnlyList<ModalCandidate> Rejected { get; init; }

    /// <summary>The first candidate, or <see langword="null"/> when none meets the criteria.</summary>
    public ModalCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
