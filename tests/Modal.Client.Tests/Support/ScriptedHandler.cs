namespace Modal.Client.Tests.Support;

/// <summary>A primary handler that answers each request with the next scripted step (the last one repeats).</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        var response = steps[Math.Min(index, steps.Length - 1)](request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

/// <summary>A body that sends a few bytes of a PNG, then fails as a dropped connection does.</summary>
internal sealed class BreakingStream : Stream
{
    private bool _sent;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => 0; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_sent)
        {
            throw new IOException("The response ended prematurely.");
        }

        _sent = true;
        var head = TestMedia.Png().AsSpan(0, 8);
        head.CopyTo(buffer.AsSpan(offset));
        return head.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
