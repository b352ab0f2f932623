using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Testing;
using Modal.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Modal.Client.Tests;

/// <summary>
/// Media from a file or a stream, through the real AddModalClient pipeline: the body is written while it is sent (never
/// loaded whole first), with an exact Content-Length (never chunked), and a retried POST sends the same bytes again.
/// </summary>
public sealed class RequestBodyStreamingTests : IDisposable
{
    private static readonly string FaceSwapPath = WireMockModal.PathOf(ModalApp.QwenImage, "/video-faceswap");

    private readonly string _directory = Directory.CreateTempSubdirectory("modal-upload-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An MP4 of several base64 chunks, with a length that is not a multiple of 3.</summary>
    private static byte[] Video(int extra = 700_001) => [.. TestMedia.Mp4(), .. Enumerable.Range(0, extra).Select(i => (byte)(i * 13))];

    [Fact]
    public async Task FaceSwap_FileMedia_SendsExactContentLength_NotChunked()
    {
        var video = Video();
        var path = Path.Combine(_directory, "clip.mp4");
        await File.WriteAllBytesAsync(path, video);
        using var modal = new WireMockModal();
        AnswerMp4(modal);

        await modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromFileAsync(path), ReferenceImage = TestMedia.PngMedia() });

        AssertSingleBody(modal, video);
    }

    [Fact]
    public async Task FaceSwap_SeekableStreamMedia_SendsExactContentLength_NotChunked()
    {
        var video = Video();
        await using var stream = new FileStream(Path.Combine(_directory, "clip.mp4"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, useAsync: true);
        await stream.WriteAsync(video);
        stream.Position = 0;
        using var modal = new WireMockModal();
        AnswerMp4(modal);

        await modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromStreamAsync(stream), ReferenceImage = TestMedia.PngMedia() });

        AssertSingleBody(modal, video);
    }

    [Fact]
    public async Task FaceSwap_NotSeekableStreamMedia_SendsExactContentLength_NotChunked()
    {
        var video = Video();
        using var modal = new WireMockModal();
        AnswerMp4(modal);

        await modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromStreamAsync(new ForwardOnlyStream(video)), ReferenceImage = TestMedia.PngMedia() });

        AssertSingleBody(modal, video);
    }

    [Fact]
    public async Task FaceSwap_StreamMedia_TheBodyIsSentWhileTheInputIsRead_NotLoadedFirst()
    {
        // The input stops half-way until the transport has received 512 KiB of the body (more than the JSON before the
        // video). Had the SDK (or Refit) loaded the body into memory before sending it, nothing would reach the transport
        // and the gate would never open; streamed, the transport has those bytes before the input is half read.
        var video = Video(extra: 2_000_000);
        var bodyStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new CapturingHandler(bodyStarted, signalAfter: 512 * 1024);
        using var source = new GatedStream(video, gateAt: video.Length / 2, bodyStarted.Task);
        using var modal = new WireMockModal(configureServices: s => s.AddHttpClient("Modal.Client.VideoApi").ConfigurePrimaryHttpMessageHandler(() => transport));

        var result = await modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromStreamAsync(source), ReferenceImage = TestMedia.PngMedia() });

        Assert.Equal(MediaFormat.Mp4, result.Format);
        Assert.False(source.WaitedAtTheGate, "the input had to wait for the transport");
        var body = Assert.Single(transport.Bodies);
        Assert.Equal(body.Length, Assert.Single(transport.ContentLengths));
        Assert.Equal(TestMedia.DataUrl("video/mp4", video), JsonNode.Parse(body)!["source_video"]!.GetValue<string>());
    }

    [Fact]
    public async Task FaceSwap_RetriedBeforeTheJobStarted_SendsTheSameFileAndStreamBytesAgain()
    {
        var video = Video();
        var path = Path.Combine(_directory, "clip.mp4");
        await File.WriteAllBytesAsync(path, video);
        var png = TestMedia.Png(5, 5);
        using var face = new MemoryStream(png);
        using var modal = new FakeModal();
        modal.Fake.Endpoint("/video-faceswap").Inject(FakeFault.ServiceUnavailable);

        var result = await modal.Client.Video.FaceSwapAsync(
            new VideoFaceSwapRequest { SourceVideo = await ModalMedia.FromFileAsync(path), ReferenceImage = await ModalMedia.FromStreamAsync(face), Fps = 24 });

        Assert.Equal(1, result.Retries);
        var sent = modal.Fake.Journal.Requests("/video-faceswap");
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Body, sent[1].Body);
        foreach (var request in sent)
        {
            Assert.Equal(request.Body.Length.ToString(CultureInfo.InvariantCulture), request.Headers["Content-Length"]);
            Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
            var json = request.BodyAsJson()!;
            Assert.Equal(TestMedia.DataUrl("video/mp4", video), json["source_video"]!.GetValue<string>());
            Assert.Equal(TestMedia.DataUrl("image/png", png), json["reference_image"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task FaceSwap_FileDeletedBeforeTheCall_ThrowsBeforeAnythingIsSent()
    {
        var path = Path.Combine(_directory, "clip.mp4");
        await File.WriteAllBytesAsync(path, Video());
        var media = await ModalMedia.FromFileAsync(path);
        File.Delete(path);
        using var modal = new WireMockModal();
        AnswerMp4(modal);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => modal.Client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = media, ReferenceImage = TestMedia.PngMedia() }));

        Assert.Contains("was deleted after ModalMedia.FromFileAsync read it", ex.Message, StringComparison.Ordinal);
        Assert.Empty(modal.Requests);
    }

    private static void AnswerMp4(WireMockModal modal) =>
        modal.Server.Given(Request.Create().WithPath(FaceSwapPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "video/mp4").WithBody(TestMedia.Mp4()));

    private static void AssertSingleBody(WireMockModal modal, byte[] video)
    {
        var request = Assert.Single(modal.Requests).RequestMessage!;
        Assert.Equal(FaceSwapPath, request.Path);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body!).ToString(CultureInfo.InvariantCulture), request.Headers!["Content-Length"]!.Single());
        Assert.False(request.Headers!.ContainsKey("Transfer-Encoding"), "the body must not be sent chunked");
        var json = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal(TestMedia.DataUrl("video/mp4", video), json["source_video"]!.GetValue<string>());
        Assert.Equal(TestMedia.DataUrl("image/png", TestMedia.Png()), json["reference_image"]!.GetValue<string>());
    }

    /// <summary>The transport: copies the request body out as it is sent (signalling once it has <c>signalAfter</c> bytes), then answers an MP4.</summary>
    private sealed class CapturingHandler(TaskCompletionSource bodyStarted, int signalAfter) : HttpMessageHandler
    {
        public List<byte[]> Bodies { get; } = [];

        public List<long?> ContentLengths { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ContentLengths.Add(request.Content!.Headers.ContentLength);
            using var body = new SignallingStream(bodyStarted, signalAfter);
            await request.Content.CopyToAsync(body, cancellationToken);
            Bodies.Add(body.ToArray());
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TestMedia.Mp4()), RequestMessage = request };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            return response;
        }
    }

    private sealed class SignallingStream(TaskCompletionSource started, int signalAfter) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            if (Length >= signalAfter)
            {
                started.TrySetResult();
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }
    }

    /// <summary>A seekable input that stops at <paramref name="gateAt"/> until <paramref name="gate"/> completes (or fails the test after a minute).</summary>
    private sealed class GatedStream(byte[] content, int gateAt, Task gate) : MemoryStream(content, writable: false)
    {
        public bool WaitedAtTheGate { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position + buffer.Length > gateAt && !gate.IsCompleted)
            {
                WaitedAtTheGate = true;
                try
                {
                    await gate.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
                }
                catch (TimeoutException ex)
                {
                    throw new InvalidOperationException("No byte of the request body was sent while the input was being read: the body was loaded whole before sending.", ex);
                }
            }

            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
