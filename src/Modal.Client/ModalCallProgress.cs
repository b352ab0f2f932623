namespace Modal.Client;

/// <summary>One progress report of a call.</summary>
public sealed record ModalCallProgress
{
    /// <summary>The stage the call reached.</summary>
    public required ModalCallStage Stage { get; init; }

    /// <summary>The endpoint called, for example <see cref="ModalEndpoint.SeedVr2"/>.</summary>
    public required ModalEndpoint Endpoint { get; init; }

    /// <summary>Time since the call started, including any wait for a concurrency slot.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The endpoint's documented typical duration, to compare <see cref="Elapsed"/> with; <see langword="null"/> when never measured.</summary>
    public TimeSpan? TypicalDuration { get; init; }

    /// <summary>How many result-URL polls have been made.</summary>
    public int Polls { get; init; }

    /// <summary>The attempt number (1 for the first).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Modal's function call id, once known.</summary>
    public string? CallId { get; init; }
}
