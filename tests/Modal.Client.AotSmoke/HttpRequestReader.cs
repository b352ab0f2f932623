using System.Globalization;
using System.Text;

namespace Modal.Client.AotSmoke;

/// <summary>Reads an HTTP/1.1 request from a stream: CRLF lines, exact byte counts and chunk-size lines.</summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxLineBytes = 16 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Reads one line without its CRLF.</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int newline;
        while ((newline = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (_end - _start > MaxLineBytes)
            {
                throw new InvalidDataException("A request line is longer than 16 KB.");
            }

            await FillAsync(cancellationToken);
        }

        var line = Encoding.ASCII.GetString(_buffer, _start, newline);
        _start += newline + 2;
        return line;
    }

    /// <summary>Reads a chunk-size line of a chunked body (hexadecimal, extensions ignored).</summary>
    public async Task<int> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        return int.Parse(line.Split(';', 2)[0].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = Math.Min(count, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(result);
        _start += copied;
        if (copied < count)
        {
            await stream.ReadExactlyAsync(result.AsMemory(copied), cancellationToken);
        }

        return result;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var n = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (n == 0)
        {
            throw new IOException("The client closed the connection in the middle of a request.");
        }

        _end += n;
    }
}
