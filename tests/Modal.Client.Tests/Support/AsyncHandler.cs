namespace Modal.Client.Tests.Support;

/// <summary>A primary handler that answers each request with an async script (which may wait on gates or move a fake clock).</summary>
internal sealed class AsyncHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        var response = await answer(request, index, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Png() => new(System.Net.HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(TestMedia.Png()) { Headers = { ContentType = new("image/jpeg") } },
    };

    public static HttpResponseMessage SeeOther(HttpRequestMessage request, string callId = "fc-1") => new(System.Net.HttpStatusCode.SeeOther)
    {
        Headers = { Location = new Uri($"http://127.0.0.1:9/ryla-flux/flux?__modal_function_call_id={callId}") },
        Content = new ByteArrayContent([]),
    };

    public static HttpResponseMessage Text(System.Net.HttpStatusCode status, string text) => new(status) { Content = new StringContent(text) };
}
