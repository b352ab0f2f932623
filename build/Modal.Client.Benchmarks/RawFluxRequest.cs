namespace Modal.Client.Benchmarks;

/// <summary>The baseline's /flux body: what the SDK sends for a prompt (prompt and a random seed).</summary>
internal sealed class RawFluxRequest
{
    public required string Prompt { get; init; }

    public long Seed { get; init; }
}
