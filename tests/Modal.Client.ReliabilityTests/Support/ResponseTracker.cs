namespace Modal.Client.ReliabilityTests.Support;

/// <summary>
/// Counts every HTTP response the SDK's handlers produced and every one the SDK disposed: an undisposed response holds
/// its pooled connection (and its buffers) until the garbage collector finds it.
/// </summary>
internal sealed class ResponseTracker
{
    private int _created;
    private int _disposed;

    public int Created => Volatile.Read(ref _created);

    public int Live => Volatile.Read(ref _created) - Volatile.Read(ref _disposed);

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new TrackingHandler(this, inner);

    private sealed class TrackingHandler(ResponseTracker tracker, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref tracker._created);
            return new TrackedResponse(tracker, response);
        }
    }

    /// <summary>The same status, headers and (shared) content; disposing it disposes the content and is counted.</summary>
    private sealed class TrackedResponse : HttpResponseMessage
    {
        private readonly ResponseTracker _tracker;
        private int _disposed;

        public TrackedResponse(ResponseTracker tracker, HttpResponseMessage inner)
            : base(inner.StatusCode)
        {
            _tracker = tracker;
            Version = inner.Version;
            ReasonPhrase = inner.ReasonPhrase;
            RequestMessage = inner.RequestMessage;
            Content = inner.Content;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Increment(ref _tracker._disposed);
            }

            base.Dispose(disposing);
        }
    }
}
