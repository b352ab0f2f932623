using System.Collections.Concurrent;

namespace Modal.Client.Internal;

/// <summary>
/// Checks a call's options before anything is sent, and makes sure no two calls in flight write the same result file
/// or stream (the second is refused, so one call can never hand back the other's bytes).
/// </summary>
internal sealed class ResultDestinations
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase
        : StringComparer.Ordinal;

    private readonly ConcurrentDictionary<string, byte> _files = new(PathComparer);
    private readonly ConcurrentDictionary<Stream, byte> _streams = new(ReferenceEqualityComparer.Instance);

    /// <summary>Validates the options and claims their destination until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException">The options are invalid or their destination is in use by another call.</exception>
    public IDisposable? Claim(ModalCallOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options.Timeout", timeout, "ModalCallOptions.Timeout must be positive; leave it null for the configured budget.");
        }

        if (options.ResultFile is not null && options.ResultStream is not null)
        {
            throw new ArgumentException("Set either ModalCallOptions.ResultFile or ResultStream, not both.", "options.ResultStream");
        }

        if (options.ResultStream is { } stream)
        {
            if (!stream.CanWrite)
            {
                throw new ArgumentException("ModalCallOptions.ResultStream must be writable.", "options.ResultStream");
            }

            return TryClaim(stream) ?? throw new ArgumentException(
                "ModalCallOptions.ResultStream is already receiving the result of another call in flight; give each call its own stream.",
                "options.ResultStream");
        }

        if (options.ResultFile is { } file)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new ArgumentException("ModalCallOptions.ResultFile must be a file path; leave it null for an in-memory result.", "options.ResultFile");
            }

            var full = Path.GetFullPath(file);
            return TryClaim(full) ?? throw new ArgumentException(
                $"ModalCallOptions.ResultFile '{full}' is already being written by another call in flight; give each call its own file.",
                "options.ResultFile");
        }

        return null;
    }

    // The claims' closures live apart from Claim, so that a call without a destination allocates none.
    private Release? TryClaim(Stream stream) => _streams.TryAdd(stream, 0) ? new Release(() => _streams.TryRemove(stream, out _)) : null;

    private Release? TryClaim(string fullPath) => _files.TryAdd(fullPath, 0) ? new Release(() => _files.TryRemove(fullPath, out _)) : null;

    private sealed class Release(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
