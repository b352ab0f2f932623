using Modal.Client.Testing;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>One endpoint per output kind the SDK returns: a PNG image, an animated WebP video and an MP4 video.</summary>
internal sealed record Representative(string Path, ModalOutputKind Kind, MediaFormat Format, bool Seeded)
{
    public static readonly Representative Image = new("/z-image-danrisi", ModalOutputKind.Image, MediaFormat.Png, Seeded: true);

    public static readonly Representative AnimatedWebP = new("/wan2.6", ModalOutputKind.AnimatedWebP, MediaFormat.AnimatedWebP, Seeded: true);

    public static readonly Representative Mp4 = new("/video-faceswap", ModalOutputKind.Mp4, MediaFormat.Mp4, Seeded: false);

    public static readonly IReadOnlyList<Representative> All = [Image, AnimatedWebP, Mp4];

    public static Representative For(string path) => All.Single(r => r.Path == path);

    /// <summary>The Modal app that serves the endpoint, as the fake names it.</summary>
    public string App(FakeModalDeployment fake) => fake.Endpoint(Path).App;

    /// <summary>Calls the endpoint with small outputs (64 px, 2 frames; 256 px, ZImageSampler's minimum, for Z-Image) so a test moves few bytes.</summary>
    public async Task<GeneratedMedia> CallAsync(IModalClient client, long seed, string prompt, CancellationToken cancellationToken = default)
    {
        switch (Path)
        {
            case "/z-image-danrisi":
                return await client.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = prompt, Seed = seed, Width = 256, Height = 256 }, cancellationToken);
            case "/wan2.6":
                return await client.Video.Wan26Async(new Wan26Request { Prompt = prompt, Seed = seed, Width = 64, Height = 64, Length = 2 }, cancellationToken);
            default:
                return await client.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = SampleMedia.Clip, ReferenceImage = SampleMedia.Face }, cancellationToken);
        }
    }

    public override string ToString() => Path;
}
