namespace Modal.Client.Internal;

/// <summary>One line of <c>manifest.jsonl</c>: how one batch item ended (snake_case names, nulls written).</summary>
internal sealed record BatchManifestLine
{
    public int Line { get; init; }

    public string? Endpoint { get; init; }

    public string Status { get; init; } = "";

    public string? File { get; init; }

    public long? Seed { get; init; }

    public string? CallId { get; init; }

    public decimal? CostUsd { get; init; }

    public double? DurationS { get; init; }

    public string? Error { get; init; }

    public bool GpuWorkMayHaveRun { get; init; }
}
