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
