namespace Modal.Client.Internal;

/// <summary>
/// Everything a result is built from. For a result streamed to a file or a caller's stream, <see cref="Content"/> holds
/// the first bytes only and <see cref="Info"/> was read from the whole file.
/// </summary>
internal readonly record struct GenerationDetails(
    ModalEndpoint Endpoint,
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
    long Length = -1,
    MediaInfo? Info = null,
    bool WrittenToStream = false);
