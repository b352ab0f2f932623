namespace Modal.Client;

/// <summary>
/// Options for one call, passed explicitly to a generation method: progress reporting, a time budget, the retry
/// opt-in, and where a large result goes. Every member is optional; <see langword="null"/> options mean the client's
/// <see cref="ModalClientOptions"/> apply.
/// </summary>
/// <remarks>
/// An instance may be reused for several calls (for example one <see cref="Progress"/> sink), but a result destination
/// (<see cref="ResultFile"/> or <see cref="ResultStream"/>) belongs to one call at a time: a second call that names a
/// destination already being written by a call in flight is refused before it is sent.
/// </remarks>
/// <example>
/// <code>
/// var video = await client.Video.Wan26Async(
///     request,
///     new ModalCallOptions { ResultFile = "clip.webp", Progress = progress },
///     cancellationToken);
/// </code>
/// </example>
public sealed class ModalCallOptions
{
    /// <summary>Receives progress reports (queued, sending, waiting, redirected, retrying, downloading, completed).</summary>
    public IProgress<ModalCallProgress>? Progress { get; init; }

    /// <summary>A time budget for the call, replacing the endpoint's budget from <see cref="ModalClientOptions"/>.</summary>
    /// <value>Positive; <see langword="null"/> for the configured budget.</value>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Overrides <see cref="ModalRetryOptions.RetryMayChargeAgain"/> for the call. <b>A retry after the GPU job may have
    /// started may be charged again.</b>
    /// </summary>
    public bool? RetryMayChargeAgain { get; init; }

    /// <summary>
    /// Streams the result straight to this file instead of memory (for large videos). It is written through a temporary
    /// file beside it and moved into place only when complete (a broken download is fetched again once), so nothing
    /// is left on failure. The result's <see cref="GeneratedMedia.FilePath"/> names it. Two calls in flight cannot
    /// write the same file: the second is refused with an <see cref="ArgumentException"/> before it is sent.
    /// </summary>
    /// <value>A file path; a missing folder is created. Not together with <see cref="ResultStream"/>.</value>
    public string? ResultFile { get; init; }

    /// <summary>
    /// Copies the result to this stream instead of keeping it in memory. The body is first downloaded completely (through
    /// a temporary file, fetched again once if it breaks), then copied, so the stream never receives a partial result.
    /// The stream is not closed. Two calls in flight cannot write the same stream: the second is refused with an
    /// <see cref="ArgumentException"/> before it is sent.
    /// </summary>
    /// <value>A writable stream. Not together with <see cref="ResultFile"/>.</value>
    public Stream? ResultStream { get; init; }
}
