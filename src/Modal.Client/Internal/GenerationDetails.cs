namespace Modal.Client.Internal;

/// <summary>Everything a result is built from. For a file-backed result, Content holds the file's first bytes only.</summary>
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
    TimeSpan QueueTime = default,
    string? FilePath = null,
    long Length = -1);
