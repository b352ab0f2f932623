using BenchmarkDotNet.Attributes;

namespace Modal.Client.Benchmarks;

/// <summary>
/// A large input: a 50 MiB reference video sent to /video-faceswap as a data URL (66.7 MiB of base64). The target: the
/// SDK allocates at most 1.5x the base64 size (100 MiB). The baseline builds the data URL the obvious way (string
/// concatenation, then a JSON byte array): the cost the SDK's streamed body avoids, not a target.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class LargeInputBenchmarks
{
    private SdkClient _sdk = null!;
    private RawClient _raw = null!;
    private Uri _rawUrl = null!;
    private byte[] _video = null!;
    private VideoFaceSwapRequest _request = null!;
    private string _faceDataUrl = null!;

    [GlobalSetup]
    public void Setup()
    {
        var server = ServerProcess.Current;
        _sdk = new SdkClient(new Uri(server, LoopbackServer.UploadPrefix));
        _raw = new RawClient();
        _rawUrl = new Uri(server, LoopbackServer.UploadPrefix + "video-faceswap");
        _video = BenchPayloads.Mp4(BenchPayloads.InputVideoBytes);
        var face = ModalMedia.FromBytes(BenchPayloads.Png(BenchPayloads.TinyVideoBytes));
        _request = new VideoFaceSwapRequest { SourceVideo = ModalMedia.FromBytes(_video), ReferenceImage = face };
        _faceDataUrl = face.ToDataUrl();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<byte[]> Raw_StringConcatDataUrl_50MiB() =>
        _raw.PostForBytesAsync(
            _rawUrl,
            new RawFaceSwapRequest { SourceVideo = "data:video/mp4;base64," + Convert.ToBase64String(_video), ReferenceImage = _faceDataUrl },
            RawJsonContext.Default.RawFaceSwapRequest);

    [Benchmark]
    public Task<GeneratedVideo> Sdk_FaceSwapAsync_50MiB() => _sdk.Modal.Video.FaceSwapAsync(_request);
}
