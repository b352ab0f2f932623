namespace Modal.Client;

/// <summary>
/// Options for the calls made inside one <see cref="ModalCallOptions.Apply"/> scope: progress reporting, a budget and the
/// retry opt-in. The scope flows with the async code, so concurrent calls can each have their own.
/// </summary>
/// <example>
/// <code>
/// using (new ModalCallOptions { Progress = progress }.Apply())
/// {
///     var image = await client.Upscale.SeedVr2Async(request, ct);
/// }
/// </code>
/// </example>
public sealed class ModalCallOptions
{
    private static readonly AsyncLocal<ModalCallOptions?> Ambient = new();

    /// <summary>Receives progress reports (queued, sent, waiting, redirected, downloading, completed).</summary>
    public IProgress<ModalCallProgress>? Progress { get; init; }

    /// <summary>A time budget for these calls, replacing the endpoint's budget from the options.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Overrides <see cref="ModalRetryOptions.RetryMayChargeAgain"/> for these calls. <b>A retry after the GPU job may have
    /// started may be charged again.</b>
    /// </summary>
    public bool? RetryMayChargeAgain { get; init; }

    /// <summary>
    /// Streams the result straight to this file instead of memory (for large videos): it is written through a temporary
    /// file and moved into place only when complete, so nothing is left on failure. The result's
    /// <see cref="GeneratedMedia.FilePath"/> names it and <see cref="GeneratedMedia.Content"/> reads it back on demand.
    /// Meant for a scope around one call.
    /// </summary>
    public string? ResultFile { get; init; }

    internal static ModalCallOptions? Current => Ambient.Value;

    /// <summary>Applies these options to the calls made until the returned scope is disposed.</summary>
    /// <returns>The scope; dispose it to restore the previous options.</returns>
    public IDisposable Apply()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Scope(previous);
    }

    private sealed class Scope(ModalCallOptions? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
