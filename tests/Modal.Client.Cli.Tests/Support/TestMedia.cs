using Modal.Client.Testing;

namespace Modal.Client.Cli.Tests.Support;

/// <summary>Tiny valid media files to pass as inputs, and the magic bytes results are checked against.</summary>
internal static class TestMedia
{
    public static byte[] PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith(PngMagic);

    public static bool IsWebP(byte[] bytes) =>
        bytes.Length >= 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8);

    public static bool IsMp4(byte[] bytes) => bytes.Length >= 8 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8);

    /// <summary>A 2×2 PNG.</summary>
    public static byte[] Png() => FakeMedia.Png(2, 2);

    /// <summary>A small MP4 (ftyp, moov, mdat).</summary>
    public static byte[] Mp4() => FakeMedia.Mp4(8, 8);
}
