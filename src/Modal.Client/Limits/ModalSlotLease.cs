namespace Modal.Client;

/// <summary>A slot of an app's concurrency limit, granted by an <see cref="IModalSlotLimiter"/>. Dispose it to free the slot.</summary>
public sealed class ModalSlotLease : IDisposable
{
    /// <summary>What frees the slot: an <see cref="Action"/> or an <see cref="IDisposable"/>; null once released.</summary>
    private object? _release;

    /// <summary>Creates a lease.</summary>
    /// <param name="waited"><see langword="true"/> when the call had to wait for the slot; <see langword="false"/> when one was free at once.</param>
    /// <param name="isShared"><see langword="true"/> when the limit counts the calls of other processes too.</param>
    /// <param name="release">Frees the slot; called once, by the first <see cref="Dispose"/>. It must not throw.</param>
    /// <exception cref="ArgumentNullException"><paramref name="release"/> is null.</exception>
    public ModalSlotLease(bool waited, bool isShared, Action release)
    {
        ArgumentNullException.ThrowIfNull(release);
        Waited = waited;
        IsShared = isShared;
        _release = release;
    }

    /// <summary>Creates a lease freed by disposing <paramref name="release"/> (no delegate to allocate per lease).</summary>
    internal ModalSlotLease(bool waited, bool isShared, IDisposable release)
    {
        Waited = waited;
        IsShared = isShared;
        _release = release;
    }

    /// <summary><see langword="true"/> when the call had to wait for the slot; <see langword="false"/> when one was free at once.</summary>
    public bool Waited { get; }

    /// <summary><see langword="true"/> when the limit that granted the slot counts the calls of other processes too.</summary>
    public bool IsShared { get; }

    /// <summary>Frees the slot (once; later calls do nothing).</summary>
    public void Dispose()
    {
        switch (Interlocked.Exchange(ref _release, null))
        {
            case Action release:
                release();
                break;
            case IDisposable release:
                release.Dispose();
                break;
        }
    }
}
