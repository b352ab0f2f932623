using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// What one call produced: the bytes, their real format (recognised from the bytes, not the server's label), the seed that
/// makes it reproducible, and what it took and cost.
/// </summary>
public abstract class GeneratedMedia
{
    private readonly ReadOnlyMemory<byte> _content;
    private readonly bool _writtenToStream;

    private protected GeneratedMedia(in GenerationDetails details)
    {
        FilePath = details.FilePath;
        _writtenToStream = details.WrittenToStream;
        _content = details.FilePath is null && !details.WrittenToStream ? details.Content : ReadOnlyMemory<byte>.Empty;
        Length = details.Length >= 0 ? details.Length : details.Content.Length;
        Format = details.Format;
        ServerContentType = details.ServerContentType;
        Seed = details.Seed;
        Endpoint = details.Endpoint;
        Duration = details.Duration;
        Cost = details.Cost;
        CallId = details.CallId;
        ResultUrlPolls = details.ResultUrlPolls;
        Retries = details.Retries;
        QueueTime = details.QueueTime;
    }

    /// <summary>
    /// The raw bytes of an in-memory result (<see cref="FilePath"/> is <see langword="null"/>). A result streamed to a
    /// file is not held in memory: read it with <see cref="ReadContentAsync"/>, <see cref="OpenRead"/> or
    /// <see cref="SaveAsync(Stream, CancellationToken)"/>, which work for both kinds.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result was streamed to <see cref="FilePath"/>.</exception>
    public ReadOnlyMemory<byte> Content => _writtenToStream
        ? throw StreamedAway()
        : FilePath is null
        ? _content
        : throw new InvalidOperationException(
            $"This result was streamed to the file '{FilePath}' and is not held in memory. "
            + "Read it with await ReadContentAsync(), OpenRead() or SaveAsync(), which work for in-memory and file results alike.");

    /// <summary>The file the result was streamed to (<see cref="ModalCallOptions.ResultFile"/>), or <see langword="null"/> for an in-memory result.</summary>
    public string? FilePath { get; }

    /// <summary>The format recognised from the bytes.</summary>
    public MediaFormat Format { get; }

    /// <summary>The real MIME type, for example <c>image/png</c> (the servers label PNG bytes <c>image/jpeg</c>).</summary>
    public string MediaType => MediaSniffer.MediaType(Format);

    /// <summary>The file extension that fits <see cref="Format"/>, with the dot: <c>.png</c>, <c>.jpg</c>, <c>.webp</c>, <c>.mp4</c>.</summary>
    public string FileExtension => MediaSniffer.Extension(Format);

    /// <summary>The <c>Content-Type</c> the server sent (often wrong; kept for diagnostics).</summary>
    public string? ServerContentType { get; }

    /// <summary>The seed that was sent (the caller's, or the random one the SDK chose); <see langword="null"/> for endpoints without a seed.</summary>
    public long? Seed { get; }

    /// <summary>The endpoint that produced it (its <see cref="ModalEndpoint.Path"/> is, for example, <c>/flux</c>).</summary>
    public ModalEndpoint Endpoint { get; }

    /// <summary>Client wall-clock time of the whole call, including queueing and cold start.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The cost: reported by the server when it sent <c>x-cost-usd</c>, otherwise estimated from <see cref="Duration"/>.</summary>
    public ModalCost Cost { get; }

    /// <summary>Modal's function call id (<c>fc-…</c>), when the platform sent one.</summary>
    public string? CallId { get; }

    /// <summary>How many times the SDK fetched Modal's result URL after a 303 (0 for calls that finished within 150 s).</summary>
    public int ResultUrlPolls { get; }

    /// <summary>How many times the call was retried (POST attempts after the first, plus retried polls).</summary>
    public int Retries { get; }

    /// <summary>How long the call waited for a slot of the app's concurrency limit (part of <see cref="Duration"/>).</summary>
    public TimeSpan QueueTime { get; }

    /// <summary>The size of the file in bytes.</summary>
    public long Length { get; }

    /// <summary>
    /// The bytes, for an in-memory result and for one streamed to <see cref="FilePath"/> alike: the file is read
    /// asynchronously on each call (nothing is cached), an in-memory result is returned without a copy.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="IOException">The result file was deleted, changed or cannot be read (it is the caller's file after the call).</exception>
    public async ValueTask<ReadOnlyMemory<byte>> ReadContentAsync(CancellationToken cancellationToken = default)
        => _writtenToStream ? throw StreamedAway()
            : FilePath is null ? _content : await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Opens a read-only stream over the bytes: the file itself for a result streamed to <see cref="FilePath"/> (opened
    /// for asynchronous reads), the memory for an in-memory result (no copy).
    /// </summary>
    /// <returns>A stream; dispose it.</returns>
    public Stream OpenRead() => _writtenToStream ? throw StreamedAway() : FilePath is not null
        ? new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
        : new ReadOnlyMemoryStream(_content);

    /// <summary>Writes the bytes to a file, creating or replacing it (asynchronously; nothing happens when it is <see cref="FilePath"/> itself).</summary>
    /// <param name="path">The file path. Use <see cref="FileExtension"/> to name it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (_writtenToStream)
        {
            throw StreamedAway();
        }

        var full = Path.GetFullPath(path);
        if (FilePath is not null && string.Equals(full, Path.GetFullPath(FilePath), StringComparison.Ordinal))
        {
            return;   // The result is already there; copying a file onto itself would truncate it.
        }

        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (FilePath is not null)
        {
            var source = OpenRead();
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
                await using (target.ConfigureAwait(false))
                {
                    await source.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(_content, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the bytes to a stream.</summary>
    /// <param name="destination">The stream to write to; it is not closed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public async Task SaveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (_writtenToStream)
        {
            throw StreamedAway();
        }

        ArgumentNullException.ThrowIfNull(destination);
        if (FilePath is null)
        {
            await destination.WriteAsync(_content, cancellationToken).ConfigureAwait(false);
            return;
        }

        var source = OpenRead();
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Endpoint}: {MediaType}, {Length} bytes, seed {(Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a")}, {Duration.TotalSeconds:0.0} s, {Cost}";

    private InvalidOperationException StreamedAway() => new(
        $"This {Endpoint} result was copied to the ModalCallOptions.ResultStream given with the call and is not held here; read it from that stream.");
}
