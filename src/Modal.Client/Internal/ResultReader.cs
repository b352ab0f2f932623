using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Reads a result body into memory (presized), to the caller's <see cref="ModalCallOptions.ResultFile"/> (through a
/// temporary file) or to the caller's <see cref="ModalCallOptions.ResultStream"/> (through a temporary file, copied once
/// complete). If the download breaks after Modal started sending it, the result URL (when there is one) is fetched once
/// more; an answer of 408 or 404 then means the paid result is gone (Appendix P4, P5). Checks that the bytes are the media
/// the endpoint returns.
/// </summary>
internal sealed class ResultReader(ResultPoller poller, IOptionsMonitor<ModalClientOptions> options)
{
    /// <summary>Reads and checks the body of a successful answer.</summary>
    public ValueTask<ResultBody> ReadAsync(ModalCall call, HttpResponseMessage response, Uri? resultUrl, CancellationToken cancellationToken)
    {
        var limit = new ResultSizeLimit(options.CurrentValue.MaxResultBytes, call.Endpoint, call.CallId);
        var callOptions = call.Options;
        return callOptions?.ResultStream is { } stream ? ReadToStreamAsync(call, response, resultUrl, limit, stream, cancellationToken)
            : callOptions?.ResultFile is { } path ? ReadToFileAsync(call, response, resultUrl, limit, path, cancellationToken)
            : ReadIntoMemoryAsync(call, response, resultUrl, limit, cancellationToken);
    }

    /// <summary>The exception for a paid result that cannot be retrieved any more.</summary>
    public static ModalResultLostException Lost(ModalCall call, string how, int? statusCode, Exception? inner)
        => new(
            $"{call.Endpoint.Path}: the GPU job ran and was probably billed, but its result could not be retrieved: {how} "
            + $"(results can be read only once).{(call.CallId is null ? string.Empty : $" Modal call id: {call.CallId}.")}",
            call.Endpoint,
            inner)
        { App = call.App.Name, CallId = call.CallId, StatusCode = statusCode };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResultBody> ReadIntoMemoryAsync(ModalCall call, HttpResponseMessage response, Uri? resultUrl, ResultSizeLimit limit, CancellationToken cancellationToken)
    {
        var body = await ReadOnceMoreIfBrokenAsync(call, response, resultUrl, limit, path: null, cancellationToken).ConfigureAwait(false);
        return body with { Format = CheckMedia(call, body.Head, body.Length, response) };
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResultBody> ReadToFileAsync(ModalCall call, HttpResponseMessage response, Uri? resultUrl, ResultSizeLimit limit, string path, CancellationToken cancellationToken)
    {
        var body = await ReadOnceMoreIfBrokenAsync(call, response, resultUrl, limit, path, cancellationToken).ConfigureAwait(false);
        try
        {
            var format = CheckMedia(call, body.Head, body.Length, response);
            return body with { Format = format, FilePath = Path.GetFullPath(path), Info = ReadInfo(path, format) };
        }
        catch (ModalInvalidResponseException)
        {
            File.Delete(path);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResultBody> ReadToStreamAsync(
        ModalCall call, HttpResponseMessage response, Uri? resultUrl, ResultSizeLimit limit, Stream stream, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"modal-client-{Guid.NewGuid():N}.partial");
        try
        {
            var body = await ReadOnceMoreIfBrokenAsync(call, response, resultUrl, limit, temporary, cancellationToken).ConfigureAwait(false);
            var format = CheckMedia(call, body.Head, body.Length, response);
            var info = ReadInfo(temporary, format);
            var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await file.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            return body with { Format = format, Info = info };
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the body into memory (<paramref name="path"/> null) or to <paramref name="path"/>; once more from the result URL if it broke.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResultBody> ReadOnceMoreIfBrokenAsync(
        ModalCall call,
        HttpResponseMessage response,
        Uri? resultUrl,
        ResultSizeLimit limit,
        string? path,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ReadBodyAsync(response.Content, limit, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureMapper.Unwrap(ex) is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            if (resultUrl is null)
            {
                throw Lost(call, $"the download broke after it started ({FailureMapper.Unwrap(ex).Message}), and a direct answer cannot be fetched again", (int)response.StatusCode, ex);
            }

            call.RecordRetry();
            using var again = await poller.GetAsync(call, resultUrl, cancellationToken).ConfigureAwait(false);
            if (again.IsSuccessStatusCode)
            {
                return await ReadBodyAsync(again.Content, limit, path, cancellationToken).ConfigureAwait(false);
            }

            if (again.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.NotFound)
            {
                throw Lost(call, $"the download broke, and the result URL then answered {(int)again.StatusCode}", (int)again.StatusCode, ex);
            }

            throw await ModalErrorClassifier.ClassifyAsync(again, call.Endpoint, call.CallId, workStarted: true, cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResultBody> ReadBodyAsync(HttpContent content, ResultSizeLimit limit, string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            var bytes = await ResponseBody.ReadAsync(content, limit, cancellationToken).ConfigureAwait(false);
            return new ResultBody(bytes, bytes.Length);
        }

        var (head, length) = await ResponseBody.SaveAsync(content, path, limit, cancellationToken).ConfigureAwait(false);
        return new ResultBody(head, length);
    }

    /// <summary>What the header of a downloaded file says (bounded reads; never throws).</summary>
    private static MediaInfo ReadInfo(string path, MediaFormat format)
    {
        try
        {
            using var file = MediaBytes.FromFile(path);
            return MediaHeaderReader.Read(file, format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return MediaInfo.None;
        }
    }

    private static MediaFormat CheckMedia(ModalCall call, byte[] head, long length, HttpResponseMessage response)
    {
        var endpoint = call.Endpoint;
        var format = MediaSniffer.Sniff(head);
        var expected = endpoint.OutputKind switch
        {
            ModalOutputKind.Image => MediaSniffer.IsImage(format),
            ModalOutputKind.AnimatedWebP => format is MediaFormat.AnimatedWebP or MediaFormat.WebP,
            ModalOutputKind.Mp4 => format == MediaFormat.Mp4,
            _ => format != MediaFormat.Unknown,
        };
        if (expected)
        {
            return format;
        }

        var label = response.Content.Headers.ContentType?.ToString();
        var what = length == 0 ? "an empty body" : format == MediaFormat.Unknown ? "bytes that are not a media file" : $"a {MediaSniffer.MediaType(format)} file";
        throw new ModalInvalidResponseException(
            $"{endpoint.Path} answered 200 with {what} (Content-Type '{label ?? "none"}', {length} bytes) instead of {endpoint.OutputKind} media. The GPU job ran and may be billed.",
            endpoint)
        {
            ServerContentType = label,
            ReceivedBytes = length,
            StatusCode = (int)response.StatusCode,
            App = call.App.Name,
            CallId = call.CallId,
        };
    }
}

/// <summary>A read result: the bytes (or the first bytes of a file), the full length, the format and the file, if any.</summary>
internal readonly record struct ResultBody(byte[] Head, long Length, MediaFormat Format = MediaFormat.Unknown, string? FilePath = null, MediaInfo? Info = null);
