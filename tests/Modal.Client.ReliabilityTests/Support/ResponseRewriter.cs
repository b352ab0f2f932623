using System.Net;
using System.Net.Http.Headers;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>
/// Replaces the body of the next 200 answer on one endpoint path (a call or a result-URL poll), for the two delivery
/// faults the fake deployment cannot script: a 200 whose body is a JSON error page, and a 200 whose body is not media.
/// The fake still ran (and counted) the GPU work; only what reaches the SDK changes.
/// </summary>
internal sealed class ResponseRewriter(string path, byte[] body, string contentType)
{
    private readonly string _path = path;
    private readonly byte[] _body = body;
    private readonly string _contentType = contentType;
    private int _remaining = 1;

    public static ResponseRewriter JsonErrorPage(string path) =>
        new(path, """{"error":"upstream failure","details":"Traceback (most recent call last): ...","type":"RuntimeError"}"""u8.ToArray(), "application/json");

    public static ResponseRewriter NotMedia(string path) =>
        new(path, [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11], "image/jpeg");

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this, inner);

    private sealed class Handler(ResponseRewriter rewriter, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && request.RequestUri?.AbsolutePath == rewriter._path
                && Interlocked.Decrement(ref rewriter._remaining) >= 0)
            {
                await response.Content.ReadAsByteArrayAsync(cancellationToken); // the real body is consumed, as a proxy would
                response.Content.Dispose();
                response.Content = new ByteArrayContent(rewriter._body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(rewriter._contentType) } };
            }

            return response;
        }
    }
}
