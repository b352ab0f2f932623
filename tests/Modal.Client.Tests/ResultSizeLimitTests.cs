using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modal.Client.Internal;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary><see cref="ModalClientOptions.MaxResultBytes"/>: larger results are refused with a typed error, and no buffer is sized beyond it.</summary>
public sealed class ResultSizeLimitTests : IDisposable
{
    private static readonly ModalEndpoint VideoFaceSwap = ModalCatalog.Get("/video-faceswap");

    private readonly string _directory = Directory.CreateTempSubdirectory("modal-limit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MaxResultBytes_DefaultsToOneGiB()
        => Assert.Equal(1L << 30, new ModalClientOptions().MaxResultBytes);

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void MaxResultBytes_NotPositive_FailsValidationNamingTheFix(long value)
    {
        var services = new ServiceCollection();
        services.AddModalClient(o =>
        {
            o.Workspace = "ryla";
            o.MaxResultBytes = value;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModalClientOptions>>().Value);

        Assert.Contains($"MaxResultBytes is {value}; use a positive number of bytes such as 1073741824 (1 GiB, the default).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ResultLargerThanMaxResultBytes_IsRefusedWithTypedError()
    {
        using var modal = new FakeModal(configure: o => o.MaxResultBytes = 100);

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(() => modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox" }));

        Assert.Equal("/flux-dev", ex.Endpoint?.Path);
        Assert.True(ex.GpuWorkMayHaveRun);
        Assert.Equal(100, ex.MaxResultBytes);
        Assert.True(ex.ResultBytes > 100, $"declared {ex.ResultBytes}");
        Assert.Equal(ModalApp.Flux.Name, ex.App);
        Assert.StartsWith("/flux-dev: the GPU job ran and was probably billed, but its result is ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.ResultBytes!.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than ModalClientOptions.MaxResultBytes, 100 bytes, so it was not downloaded. Raise ModalClientOptions.MaxResultBytes to accept larger results.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, modal.Fake.Journal.GpuRunCount("/flux-dev"));
    }

    [Fact]
    public async Task Call_ResultWithinMaxResultBytes_IsRead()
    {
        using var modal = new FakeModal(configure: o => o.MaxResultBytes = 64L << 20);

        var image = await modal.Client.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox", Width = 64, Height = 64 });

        Assert.Equal(MediaFormat.Png, image.Format);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthBeyondLimit_IsRefusedBeforeReadingOrAllocating()
    {
        using var content = new StreamContent(new ThrowingStream());
        content.Headers.ContentLength = 10L << 30;

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(() => ResponseBody.ReadAsync(content, new ResultSizeLimit(1L << 30, VideoFaceSwap, "fc-1"), CancellationToken.None).AsTask());

        Assert.Equal(10L << 30, ex.ResultBytes);
        Assert.Equal(1L << 30, ex.MaxResultBytes);
        Assert.Equal("fc-1", ex.CallId);
        Assert.Contains("its result is 10,737,418,240 bytes (10 GiB), more than ModalClientOptions.MaxResultBytes, 1,073,741,824 bytes (1 GiB), so it was not downloaded.", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Modal call id: fc-1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoDeclaredLength_IsRefusedOnceTheBodyPassesTheLimit()
    {
        using var content = new StreamContent(new ForwardOnlyStream(new byte[300_000]));

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(() => ResponseBody.ReadAsync(content, new ResultSizeLimit(200_000, VideoFaceSwap), CancellationToken.None).AsTask());

        Assert.Null(ex.ResultBytes);
        Assert.Equal(200_000, ex.MaxResultBytes);
        Assert.Contains("its result passed ModalClientOptions.MaxResultBytes, 200,000 bytes (195.31 KiB), while downloading (the server declared no Content-Length)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoDeclaredLength_WithinTheLimit_IsRead()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        using var content = new StreamContent(new ForwardOnlyStream(bytes));

        var read = await ResponseBody.ReadAsync(content, new ResultSizeLimit(200_000, VideoFaceSwap), CancellationToken.None);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthBeyondOneArray_IsRefusedNamingResultFile()
    {
        using var content = new StreamContent(new ThrowingStream());
        content.Headers.ContentLength = 3L << 30;

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(() => ResponseBody.ReadAsync(content, new ResultSizeLimit(4L << 30, VideoFaceSwap), CancellationToken.None).AsTask());

        Assert.Equal(3L << 30, ex.ResultBytes);
        Assert.Equal(Array.MaxLength, ex.MaxResultBytes);
        Assert.Contains("more than one in-memory result can hold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ModalCallOptions.ResultFile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_DeclaredLengthBeyondLimit_IsRefusedBeforeCreatingAFile()
    {
        using var content = new StreamContent(new ThrowingStream());
        content.Headers.ContentLength = 5000;
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(
            () => ResponseBody.SaveAsync(content, Path.Combine(_directory, "clip.mp4"), new ResultSizeLimit(4096, VideoFaceSwap), CancellationToken.None).AsTask());

        Assert.Equal(5000, ex.ResultBytes);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task SaveAsync_NoDeclaredLength_PassingTheLimit_LeavesNothingBehind()
    {
        using var content = new StreamContent(new ForwardOnlyStream(new byte[300_000]));

        var ex = await Assert.ThrowsAsync<ModalResultTooLargeException>(
            () => ResponseBody.SaveAsync(content, Path.Combine(_directory, "clip.mp4"), new ResultSizeLimit(200_000, VideoFaceSwap), CancellationToken.None).AsTask());

        Assert.Null(ex.ResultBytes);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    /// <summary>A body that must never be read.</summary>
    private sealed class ThrowingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read although its declared length is beyond the limit.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The body was read although its declared length is beyond the limit.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
