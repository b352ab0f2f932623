using System.Buffers.Binary;
using System.Text;
using Modal.Client.Internal;
using Modal.Client.Testing;
using Modal.Client.Tests.Support;

namespace Modal.Client.Tests;

/// <summary>
/// Pixel size, frame count and timing read from real files (made by Pillow and ffmpeg, as the servers make them; see
/// Fixtures/Media/README.md), from the testing package's encoders, and from hand-made edge cases; garbage never throws.
/// </summary>
public sealed class MediaHeaderReaderTests
{
    private static byte[] Fixture(string name) => MediaFixtures.Read(name);

    private static MediaInfo Read(byte[] bytes) => MediaHeaderReader.Read(bytes, MediaSniffer.Sniff(bytes));

    [Theory]
    [InlineData("comfy.png", MediaFormat.Png, 48, 32)]
    [InlineData("pil-q95.jpg", MediaFormat.Jpeg, 40, 24)]
    [InlineData("progressive.jpg", MediaFormat.Jpeg, 40, 24)]
    [InlineData("big-app.jpg", MediaFormat.Jpeg, 40, 24)]
    [InlineData("lossy.webp", MediaFormat.WebP, 40, 24)]
    [InlineData("lossless.webp", MediaFormat.WebP, 40, 24)]
    [InlineData("alpha.webp", MediaFormat.WebP, 40, 24)]
    public void Read_RealStillImage_GivesPixelSize(string file, MediaFormat format, int width, int height)
    {
        var bytes = Fixture(file);

        Assert.Equal(format, MediaSniffer.Sniff(bytes));
        var info = Read(bytes);
        Assert.Equal((width, height), (info.Width, info.Height));
        Assert.Null(info.PlaybackDuration);
    }

    [Fact]
    public void Read_StillWebP_IsOneFrame()
    {
        Assert.Equal(1, Read(Fixture("lossy.webp")).FrameCount);
        Assert.Null(Read(Fixture("comfy.png")).FrameCount);
    }

    [Fact]
    public void Read_ComfyAnimatedWebP_GivesCanvasFramesAndDuration()
    {
        var info = Read(Fixture("wan.webp"));

        Assert.Equal(new MediaInfo(40, 24, 5, TimeSpan.FromMilliseconds(310)), info);
        Assert.Equal(16.129, info.FrameRate);
    }

    [Theory]
    [InlineData("vhs.mp4", 17, 1062.5, 16.0)]
    [InlineData("faststart.mp4", 17, 1062.5, 16.0)]
    [InlineData("audio-first.mp4", 17, 566.667, 30.0)]
    public void Read_RealH264Mp4_GivesVideoTrackSizeFramesAndDuration(string file, int frames, double milliseconds, double fps)
    {
        var info = Read(Fixture(file));

        Assert.Equal((64, 48), (info.Width, info.Height));
        Assert.Equal(frames, info.FrameCount);
        Assert.Equal(milliseconds, Math.Round(info.PlaybackDuration!.Value.TotalMilliseconds, 3));
        Assert.Equal(fps, info.FrameRate);
    }

    [Fact]
    public void Read_FakeMediaEncoders_GiveWhatWasAskedFor()
    {
        Assert.Equal(new MediaInfo(1000, 3), Read(FakeMedia.Png(1000, 3)));
        Assert.Equal(new MediaInfo(17, 9), Read(FakeMedia.Jpeg(17, 9)));
        Assert.Equal(new MediaInfo(30, 20, 7, TimeSpan.FromMilliseconds(7 * 62)), Read(FakeMedia.AnimatedWebP(30, 20, frames: 7)));
        Assert.Equal(new MediaInfo(96, 54, 50, TimeSpan.FromSeconds(2)), Read(FakeMedia.Mp4(96, 54, durationMs: 2000)));
    }

    [Fact]
    public void Read_WebPSizesAtTheFormatLimits_AreExact()
    {
        Assert.Equal(new MediaInfo(16384, 1, 2, TimeSpan.FromMilliseconds(124)), Read(Resize(FakeMedia.AnimatedWebP(8, 8, frames: 2), 16384, 1)));
        Assert.Equal(new MediaInfo(16777216, 16777216, 1), Read(Vp8X(flags: 0, width: 16777216, height: 16777216)));
    }

    [Fact]
    public void Read_JpegFrameHeaderPast16KiB_IsFoundInTheFile()
    {
        var bytes = Fixture("big-app.jpg");
        Assert.True(bytes.Length > 16 * 1024);

        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(bytes.AsMemory(0, 16 * 1024), MediaFormat.Jpeg));
        Assert.Equal(new MediaInfo(40, 24), MediaHeaderReader.Read(bytes, MediaFormat.Jpeg));
    }

    [Fact]
    public void Read_ResultStreamedToFile_ReadsTheFileNotOnlyItsFirstBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"modal-header-{Guid.NewGuid():N}.mp4");
        var bytes = Fixture("vhs.mp4"); // moov after mdat
        File.WriteAllBytes(path, bytes);
        try
        {
            var details = new GenerationDetails(ModalCatalog.GetCallable("/video-faceswap"), bytes.AsMemory(0, 64), MediaFormat.Mp4, "video/mp4", null, TimeSpan.FromSeconds(1), new ModalCost(0m, ModalCostSource.Estimated), null, FilePath: path, Length: bytes.Length);

            var video = new GeneratedVideo(details);

            Assert.Equal((64, 48, 17), (video.Width, video.Height, video.FrameCount));
            Assert.Equal(16.0, video.FrameRate);
            Assert.Equal(TimeSpan.FromSeconds(1.0625), video.PlaybackDuration);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_StreamedFileGone_FallsBackToFirstBytes()
    {
        var png = FakeMedia.Png(20, 10);
        var details = new GenerationDetails(ModalCatalog.GetCallable("/flux"), png, MediaFormat.Png, "image/jpeg", 1, TimeSpan.FromSeconds(1), new ModalCost(0m, ModalCostSource.Estimated), null, FilePath: Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.png"), Length: png.Length);

        var image = new GeneratedImage(details);

        Assert.Equal((20, 10), (image.Width, image.Height));
    }

    // ---- Hand-made edge cases ------------------------------------------------------------------------------------

    [Fact]
    public void Read_Png_WithoutIhdrOrWithZeroSide_GivesNothing()
    {
        var png = FakeMedia.Png(5, 5);
        var noIhdr = (byte[])png.Clone();
        "IHDX"u8.CopyTo(noIhdr.AsSpan(12));
        var zero = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(zero.AsSpan(16), 0);
        var huge = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(16), 0x8000_0000);

        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(noIhdr, MediaFormat.Png));
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(zero, MediaFormat.Png));
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(huge, MediaFormat.Png));
    }

    [Fact]
    public void Read_Jpeg_FillBytesAndStandaloneMarkersBeforeTheFrame_AreSkipped()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8, 0xFF, 0xFF, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, // SOI, fill bytes, APP0 with 2 payload bytes
            0xFF, 0xD0, 0xFF, 0x01,                                     // RST0 and TEM carry no length
            0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, 0x01, 0x22, 0x00, // SOF2: 600×300
        ];

        Assert.Equal(new MediaInfo(600, 300), MediaHeaderReader.Read(jpeg, MediaFormat.Jpeg));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0, 0, 0, 0, 0, 0 })] // scan before any frame header
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0, 0, 0, 0, 0 })] // segment length below 2
    [InlineData(new byte[] { 0xFF, 0xD8, 0x12, 0x34, 0x00, 0x10, 0, 0, 0, 0, 0, 0 })] // not a marker
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x10 })] // height 0 (DNL)
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08 })] // frame header cut off
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })] // end of image
    public void Read_MalformedJpeg_GivesNothing(byte[] jpeg)
        => Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(jpeg, MediaFormat.Jpeg));

    [Fact]
    public void Read_Vp8WithoutKeyFrameOrStartCode_GivesNothing()
    {
        var lossy = Fixture("lossy.webp");
        var interFrame = (byte[])lossy.Clone();
        interFrame[20] |= 0x01;
        var noStartCode = (byte[])lossy.Clone();
        noStartCode[23] = 0;

        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(interFrame, MediaFormat.WebP));
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(noStartCode, MediaFormat.WebP));
    }

    [Fact]
    public void Read_AnimatedWebPWithoutFrames_GivesSizeOnly()
        => Assert.Equal(new MediaInfo(320, 240), Read(Vp8X(flags: 0x02, width: 320, height: 240)));

    [Fact]
    public void Read_AnimatedWebP_OddChunksArePaddedAndTruncatedFramesNotCounted()
    {
        var anmf = Anmf(durationMs: 100);
        var bytes = Riff(
            Chunk("VP8X", Vp8XPayload(0x02, 8, 8)),
            Chunk("ANIM", new byte[6]),
            Chunk("ICCP", new byte[5]), // odd size: one pad byte follows
            Chunk("ANMF", anmf),
            Chunk("ANMF", Anmf(durationMs: 40)),
            Chunk("EXIF", new byte[3]));

        Assert.Equal(new MediaInfo(8, 8, 2, TimeSpan.FromMilliseconds(140)), Read(bytes));

        var truncated = bytes.AsSpan(0, bytes.Length - 3 - 8 - 30).ToArray(); // the second frame loses its end
        Assert.Equal(new MediaInfo(8, 8, 1, TimeSpan.FromMilliseconds(100)), Read(truncated));
    }

    [Fact]
    public void Read_AnimatedWebPWhoseRiffSizeOverstatesTheFile_CountsWhatIsThere()
    {
        var bytes = FakeMedia.AnimatedWebP(8, 8, frames: 3);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), uint.MaxValue);

        Assert.Equal(3, Read(bytes).FrameCount);
    }

    [Fact]
    public void Read_Mp4WithLargeSizeMdatAndMoovToTheEnd_IsParsed()
    {
        var moov = Box("moov", Mvhd(version: 0, timescale: 1000, duration: 2000), VideoTrak(tkhdVersion: 0, 320, 240, mdhdVersion: 0, timescale: 25, duration: 50, stszCount: 50));
        var bytes = Concat(
            Box("ftyp", "isom"u8.ToArray(), new byte[4]),
            LargeBox("mdat", new byte[100]),
            SizeZero(moov));

        Assert.Equal(new MediaInfo(320, 240, 50, TimeSpan.FromSeconds(2)), Read(bytes));
    }

    [Fact]
    public void Read_Mp4Version1Headers_Use64BitTimes()
    {
        var moov = Box("moov", Mvhd(version: 1, timescale: 90000, duration: 90000L * 3), VideoTrak(tkhdVersion: 1, 1920, 1080, mdhdVersion: 1, timescale: 90000, duration: 90000L * 3, stszCount: 72));
        var bytes = Concat(Box("ftyp", "mp42"u8.ToArray(), new byte[4]), moov);

        Assert.Equal(new MediaInfo(1920, 1080, 72, TimeSpan.FromSeconds(3)), Read(bytes));
        Assert.Equal(24.0, Read(bytes).FrameRate);
    }

    [Fact]
    public void Read_Mp4WithoutStszCount_AddsUpStts()
    {
        var stbl = Box("stbl", FullBox("stts", 0, U32(2), U32(10), U32(100), U32(5), U32(200)), FullBox("stsz", 0, U32(0), U32(0)));
        var moov = Box("moov", Mvhd(0, 1000, 0), Trak(Tkhd(0, 64, 64), Box("mdia", Mdhd(0, 1000, 2000), Hdlr("vide"), Box("minf", stbl))));
        var bytes = Concat(Box("ftyp", "isom"u8.ToArray(), new byte[4]), moov);

        Assert.Equal(new MediaInfo(64, 64, 15, TimeSpan.FromSeconds(2)), Read(bytes));
    }

    [Fact]
    public void Read_Mp4WithZeroTkhdSize_FallsBackToTheSampleEntry()
    {
        var entry = Concat(U32(86), "avc1"u8.ToArray(), new byte[6], [0, 1], new byte[16], [0x02, 0x80, 0x01, 0xE0], new byte[50]);
        var stbl = Box("stbl", FullBox("stsd", 0, U32(1), entry), FullBox("stsz", 0, U32(0), U32(3)));
        var moov = Box("moov", Mvhd(0, 1000, 3000), Trak(Tkhd(0, 0, 0), Box("mdia", Mdhd(0, 1, 3), Hdlr("vide"), Box("minf", stbl))));

        Assert.Equal(new MediaInfo(640, 480, 3, TimeSpan.FromSeconds(3)), Read(Concat(Box("ftyp", "isom"u8.ToArray(), new byte[4]), moov)));
    }

    [Fact]
    public void Read_Mp4WithoutVideoTrackOrMoov_GivesNothing()
    {
        var audioOnly = Concat(Box("ftyp", "isom"u8.ToArray(), new byte[4]), Box("moov", Mvhd(0, 1000, 1000), Trak(Tkhd(0, 0, 0), Box("mdia", Mdhd(0, 1000, 1000), Hdlr("soun")))));
        var noMoov = Concat(Box("ftyp", "isom"u8.ToArray(), new byte[4]), Box("mdat", new byte[10]));

        Assert.Equal(MediaInfo.None, Read(audioOnly));
        Assert.Equal(MediaInfo.None, Read(noMoov));
    }

    [Theory]
    [InlineData(4u)]          // smaller than its own header
    [InlineData(0x7FFF_FFFFu)] // larger than the file
    public void Read_Mp4BoxWithImpossibleSize_StopsThere(uint size)
    {
        var bytes = Concat(Box("ftyp", "isom"u8.ToArray(), new byte[4]), U32(size), "mdat"u8.ToArray(), new byte[16], Box("moov", Mvhd(0, 1000, 1000)));

        Assert.Equal(MediaInfo.None, Read(bytes));
    }

    [Fact]
    public void Read_UnknownFormats_GiveNothing()
    {
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read("GIF89a\x10\x00\x10\x00"u8.ToArray(), MediaFormat.Gif));
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(new byte[] { 1, 2, 3 }, MediaFormat.Unknown));
        Assert.Equal(MediaInfo.None, MediaHeaderReader.Read(Array.Empty<byte>(), MediaFormat.Mp4));
    }

    [Fact]
    public void Read_EveryPrefixOfEveryRealFile_NeverThrows()
    {
        foreach (var name in FixtureNames)
        {
            var bytes = Fixture(name);
            var format = MediaSniffer.Sniff(bytes);
            for (var length = 0; length <= bytes.Length; length += length < 512 ? 1 : 97)
            {
                var info = MediaHeaderReader.Read(bytes.AsMemory(0, length), format);
                Assert.True(info.Width is null or > 0 && info.FrameCount is null or > 0, $"{name}[..{length}]");
            }
        }
    }

    [Fact]
    public void Read_RandomlyCorruptedFiles_NeverThrow()
    {
        var random = new Random(20260207);
        foreach (var name in FixtureNames)
        {
            var original = Fixture(name);
            var format = MediaSniffer.Sniff(original);
            for (var round = 0; round < 300; round++)
            {
                var bytes = (byte[])original.Clone();
                for (var flips = random.Next(1, 16); flips > 0; flips--)
                {
                    bytes[random.Next(Math.Min(bytes.Length, round % 2 == 0 ? 64 : bytes.Length))] = (byte)random.Next(256);
                }

                var info = MediaHeaderReader.Read(bytes, format);
                Assert.True(info.Width is null or > 0 && info.Height is null or > 0 && info.FrameCount is null or > 0, $"{name} round {round}");
            }
        }
    }

    private static readonly string[] FixtureNames =
        ["comfy.png", "pil-q95.jpg", "progressive.jpg", "big-app.jpg", "lossy.webp", "lossless.webp", "alpha.webp", "wan.webp", "vhs.mp4", "faststart.mp4", "audio-first.mp4"];

    // ---- Builders ------------------------------------------------------------------------------------------------

    private static byte[] Resize(byte[] animatedWebP, int width, int height)
    {
        // Rewrite the VP8X canvas only: the reader reports the canvas.
        var copy = (byte[])animatedWebP.Clone();
        WriteUInt24(copy.AsSpan(24), width - 1);
        WriteUInt24(copy.AsSpan(27), height - 1);
        return copy;
    }

    private static byte[] Vp8X(byte flags, int width, int height) => Riff(Chunk("VP8X", Vp8XPayload(flags, width, height)));

    private static byte[] Vp8XPayload(byte flags, int width, int height)
    {
        var payload = new byte[10];
        payload[0] = flags;
        WriteUInt24(payload.AsSpan(4), width - 1);
        WriteUInt24(payload.AsSpan(7), height - 1);
        return payload;
    }

    private static byte[] Anmf(int durationMs)
    {
        var payload = new byte[16 + 8 + 5];
        WriteUInt24(payload.AsSpan(6), 7);
        WriteUInt24(payload.AsSpan(9), 7);
        WriteUInt24(payload.AsSpan(12), durationMs);
        "VP8L"u8.CopyTo(payload.AsSpan(16));
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(20), 5);
        payload[24] = 0x2F;
        return payload;
    }

    private static byte[] Riff(params byte[][] chunks)
    {
        var body = Concat("WEBP"u8.ToArray(), Concat(chunks));
        return Concat("RIFF"u8.ToArray(), LittleEndian32(body.Length), body);
    }

    private static byte[] Chunk(string fourCc, byte[] payload) =>
        Concat(Encoding.ASCII.GetBytes(fourCc), LittleEndian32(payload.Length), payload, payload.Length % 2 == 1 ? [0] : []);

    private static byte[] Box(string type, params byte[][] content)
    {
        var payload = Concat(content);
        return Concat(U32((uint)(payload.Length + 8)), Encoding.ASCII.GetBytes(type), payload);
    }

    private static byte[] FullBox(string type, byte version, params byte[][] content) => Box(type, Concat([[version, 0, 0, 0], .. content]));

    private static byte[] LargeBox(string type, byte[] payload)
    {
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)payload.Length + 16);
        return Concat(U32(1), Encoding.ASCII.GetBytes(type), size, payload);
    }

    private static byte[] SizeZero(byte[] box)
    {
        var copy = (byte[])box.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy, 0);
        return copy;
    }

    private static byte[] Mvhd(byte version, uint timescale, long duration) => version == 1
        ? FullBox("mvhd", 1, new byte[16], U32(timescale), U64((ulong)duration), new byte[80])
        : FullBox("mvhd", 0, new byte[8], U32(timescale), U32((uint)duration), new byte[80]);

    private static byte[] Mdhd(byte version, uint timescale, long duration) => version == 1
        ? FullBox("mdhd", 1, new byte[16], U32(timescale), U64((ulong)duration), new byte[4])
        : FullBox("mdhd", 0, new byte[8], U32(timescale), U32((uint)duration), new byte[4]);

    private static byte[] Tkhd(byte version, uint width, uint height) => version == 1
        ? FullBox("tkhd", 1, new byte[84], U32(width << 16), U32(height << 16))
        : FullBox("tkhd", 0, new byte[72], U32(width << 16), U32(height << 16));

    private static byte[] Hdlr(string handler) => FullBox("hdlr", 0, new byte[4], Encoding.ASCII.GetBytes(handler), new byte[13]);

    private static byte[] Trak(params byte[][] children) => Box("trak", children);

    private static byte[] VideoTrak(byte tkhdVersion, uint width, uint height, byte mdhdVersion, uint timescale, long duration, uint stszCount) =>
        Trak(
            Tkhd(tkhdVersion, width, height),
            Box("mdia", Mdhd(mdhdVersion, timescale, duration), Hdlr("vide"), Box("minf", Box("stbl", FullBox("stsz", 0, U32(0), U32(stszCount))))));

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
