using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Modal.Client.Benchmarks;

/// <summary>
/// The hand-written baseline: one HttpClient over a SocketsHttpHandler (no redirects, no timeout, as the SDK's), a
/// System.Text.Json source-generated body with a Content-Length, and <see cref="HttpContent.ReadAsByteArrayAsync()"/>.
/// </summary>
internal sealed class RawClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<byte[]> PostForBytesAsync<T>(Uri url, T request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, typeInfo));
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(url, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>
    /// The best hand-written read: the response streamed into one array sized from Content-Length (what
    /// <see cref="HttpContent.ReadAsByteArrayAsync()"/> does not do: it buffers, then copies).
    /// </summary>
    public async Task<byte[]> PostForBytesPresizedAsync<T>(Uri url, T request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, typeInfo));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)(response.Content.Headers.ContentLength
            ?? throw new InvalidOperationException("The loopback server always sends a Content-Length."))));
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (body)
        {
            await body.ReadExactlyAsync(bytes, cancellationToken);
        }

        return bytes;
    }

    /// <summary>Posts a hand-built body (its own Content-Length) and reads the answer into one array.</summary>
    public async Task<byte[]> PostContentForBytesAsync(Uri url, HttpContent content, CancellationToken cancellationToken = default)
    {
        using (content)
        {
            using var response = await _http.PostAsync(url, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
    }

    public async Task<long> PostToFileAsync<T>(Uri url, T request, JsonTypeInfo<T> typeInfo, string path, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, typeInfo));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (body)
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            await using (file)
            {
                await body.CopyToAsync(file, 81920, cancellationToken);
                return file.Length;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
