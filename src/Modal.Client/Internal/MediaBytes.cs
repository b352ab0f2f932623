using Microsoft.Win32.SafeHandles;

namespace Modal.Client.Internal;

/// <summary>
/// Random access to a media file's bytes, in memory or on disk, for the header readers: they read small pieces at
/// offsets and never load a whole streamed video.
/// </summary>
internal abstract class MediaBytes : IDisposable
{
    /// <summary>The total length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Bytes over a buffer (the whole file).</summary>
    public static MediaBytes FromMemory(ReadOnlyMemory<byte> bytes) => new MemoryBytes(bytes);

    /// <summary>Bytes of a file, read on demand.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static MediaBytes FromFile(string path) => new FileBytes(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));

    /// <summary>
    /// Fills <paramref name="destination"/> from <paramref name="offset"/>; <see langword="false"/> when the range does
    /// not lie wholly inside the file (nothing is thrown for an out-of-range or negative offset).
    /// </summary>
    public bool TryRead(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            return false;
        }

        var total = 0;
        while (total < destination.Length)
        {
            var read = ReadAt(offset + total, destination[total..]);
            if (read <= 0)
            {
                return false;
            }

            total += read;
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the file handle, if any.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Reads up to <paramref name="destination"/>'s length at an offset inside the file.</summary>
    protected abstract int ReadAt(long offset, Span<byte> destination);

    private sealed class MemoryBytes(ReadOnlyMemory<byte> bytes) : MediaBytes
    {
        public override long Length => bytes.Length;

        protected override int ReadAt(long offset, Span<byte> destination)
        {
            var source = bytes.Span[(int)offset..];
            var count = Math.Min(source.Length, destination.Length);
            source[..count].CopyTo(destination);
            return count;
        }
    }

    private sealed class FileBytes(SafeFileHandle handle) : MediaBytes
    {
        private readonly long length = RandomAccess.GetLength(handle);

        public override long Length => length;

        protected override int ReadAt(long offset, Span<byte> destination) => RandomAccess.Read(handle, destination, offset);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
