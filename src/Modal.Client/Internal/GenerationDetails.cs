namespace Modal.Client.Internal;

/// <summary>Everything a result is built from.</summary>
internal sealed record GenerationDetails(
    string Endpoint,
    ReadOnlyMemory<byte> Content,
    MediaFormat Format,
    string? ServerContentType,
    long? Seed,
    TimeSpan Duration,
    ModalCost Cost,
    string? CallId,
    int ResultUrlPolls = 0,
    int Retries = 0,
    TimeSpan QueueTime = default);
