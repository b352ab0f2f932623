namespace Modal.Client;

/// <summary>What one app's <c>GET /health</c> answered.</summary>
public sealed record ModalAppHealth
{
    /// <summary>The app probed.</summary>
    public required ModalApp App { get; init; }

    /// <summary><see langword="true"/> when the app answered 200 with <c>{"status":"healthy"}</c>.</summary>
    public required bool IsHealthy { get; init; }

    /// <summary>The <c>status</c> the app reported, when it answered.</summary>
    public string? Status { get; init; }

    /// <summary>The HTTP status code, when there was an answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the probe took (a cold app includes its container start).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Why the app is not healthy, when it is not.</summary>
    public string? Error { get; init; }
}
