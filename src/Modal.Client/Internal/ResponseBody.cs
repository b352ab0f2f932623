using System.Buffers;
using System.Runtime.CompilerServices;

namespace Modal.Client.Internal;

/// <summary>Reads a result body without doubling it in memory, or streams it to a file; both refuse results beyond a size limit.</summary>
internal static class ResponseBody
{
    /// <summary>Enough of the start of a file to recognise its format and read an image's size.</summary>
    public const int HeadLength = 16 * 1024;

    private const int CopyBufferSize = 80 * 1024;

    /// <summary>
    /// Reads the body into one array sized from Content-Length when it is known and within <paramref name="limit"/> (no
    /// MemoryStream doubling). A declared length beyond the limit is refused before anything is read or allocated; a body
    /// without a declared length is refused as soon as it passes the limit.
    /// </summary>
    /// <exception cref="ModalResultTooLargeException">The result is larger than the limit, or than one array can hold.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<byte[]> ReadAsync(HttpContent content, ResultSizeLimit limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit.MaxBytes)
        {
            throw limit.Exceeded(declared);
        }

        if (declared > Array.MaxLength)
        {
            throw limit.TooLargeForMemory(declared);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } length)
            {
                var buffer = GC.AllocateUninitializedArray<byte>((int)length);
                var read = 0;
                while (read < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new IOException($"The response ended prematurely: {read} of {length} bytes arrived.");
                    }

                    read += n;
                }

                return buffer;
            }

            var max = Math.Min(limit.MaxBytes, Array.MaxLength);
            var chunk = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                using var copy = new MemoryStream();
                int n;
                while ((n = await stream.ReadAsync(chunk.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (copy.Length + n > max)
                    {
                        throw max == limit.MaxBytes ? limit.Exceeded(null) : limit.TooLargeForMemory(null);
                    }

                    copy.Write(chunk, 0, n);
                }

                return copy.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    /// <summary>
    /// Streams the body to <paramref name="path"/> through a temporary file next to it, moved into place only when the
    /// whole body arrived; returns the file's first bytes and its length. Nothing is left behind on failure. A declared
    /// length beyond <paramref name="limit"/> is refused before the file is created; a body without one, as soon as it passes the limit.
    /// </summary>
    /// <exception cref="ModalResultTooLargeException">The result is larger than the limit.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(byte[] Head, long Length)> SaveAsync(HttpContent content, string path, ResultSizeLimit limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit.MaxBytes)
        {
            throw limit.Exceeded(declared);
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var head = new byte[HeadLength];
            var headLength = 0;
            long total = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    int n;
                    while ((n = await stream.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (total + n > limit.MaxBytes)
                        {
                            throw limit.Exceeded(null);
                        }

                        var toHead = Math.Min(n, HeadLength - headLength);
                        buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                        headLength += toHead;
                        await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        total += n;
                    }
                }
            }

            if (declared is { } expected && expected != total)
            {
                throw new IOException($"The response ended prematurely: {total} of {expected} bytes arrived.");
            }

            File.Move(temporary, full, overwrite: true);
            return (headLength == head.Length ? head : head[..headLength], total);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
