using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Modal.Client.AotSmoke;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 with a dynamic port that answers like the Modal apps through a routing function.
/// One request per connection (<c>Connection: close</c>), bodies framed by Content-Length, as the SDK sends them.
/// Plain sockets only, so it is trimming and Native AOT safe (the WireMock-based testing kit is not).
/// </summary>
internal sealed class LoopbackModalFake : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeExchange, FakeAnswer> _route;
    private readonly Task _accepting;

    public LoopbackModalFake(Func<LoopbackModalFake, FakeExchange, FakeAnswer> route)
    {
        _route = exchange => route(this, exchange);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The fake's base URL, for <see cref="ModalClientOptions.BaseUrl"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<FakeExchange> Received { get; } = new();

    /// <summary>Requests that the fake could not parse or answer (a broken client request is a smoke failure too).</summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var exchange = await ReadRequestAsync(stream, _stop.Token);
                Received.Enqueue(exchange);
                await WriteAnswerAsync(stream, _route(exchange), _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException or FormatException)
            {
                Faults.Enqueue(ex.Message);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<FakeExchange> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reader = new HttpRequestReader(stream);
        var requestLine = (await reader.ReadLineAsync(cancellationToken)).Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException($"Bad request line '{string.Join(' ', requestLine)}'.");
        }

        long? contentLength = null;
        var chunked = false;
        for (var line = await reader.ReadLineAsync(cancellationToken); line.Length > 0; line = await reader.ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : string.Empty;
            var value = colon > 0 ? line[(colon + 1)..].Trim() : string.Empty;
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
        }

        byte[] body;
        if (chunked)
        {
            // Accepted, as uvicorn accepts it; the smoke checks the framing separately (the SDK promises Content-Length).
            using var collected = new MemoryStream();
            for (var size = await reader.ReadChunkSizeAsync(cancellationToken); size > 0; size = await reader.ReadChunkSizeAsync(cancellationToken))
            {
                collected.Write(await reader.ReadExactlyAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }

            while ((await reader.ReadLineAsync(cancellationToken)).Length > 0)
            {
                // Trailer fields end with an empty line.
            }

            body = collected.ToArray();
        }
        else
        {
            body = await reader.ReadExactlyAsync(checked((int)(contentLength ?? 0)), cancellationToken);
        }

        var framing = chunked ? RequestFraming.Chunked : contentLength is null ? RequestFraming.None : RequestFraming.ContentLength;
        return new FakeExchange(requestLine[0], requestLine[1], Encoding.UTF8.GetString(body)) { Framing = framing };
    }

    private static async Task WriteAnswerAsync(NetworkStream stream, FakeAnswer answer, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.Status} {Reason(answer.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {answer.Body.Length}\r\n")
            .Append("Connection: close\r\n")
            .Append("Server: uvicorn\r\n");
        if (answer.ContentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {answer.ContentType}\r\n");
        }

        foreach (var (name, value) in answer.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(answer.Body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
