using Modal.Client.Testing;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>Small, valid input files (a PNG face, an MP4 clip) that the SDK sniffs and the fake deployment accepts.</summary>
internal static class SampleMedia
{
    public static readonly byte[] PngBytes = FakeMedia.Png(8, 8);

    public static readonly byte[] Mp4Bytes = FakeMedia.Mp4(8, 8);

    public static ModalMedia Face => ModalMedia.FromBytes(PngBytes);

    public static ModalMedia Clip => ModalMedia.FromBytes(Mp4Bytes);

    /// <summary>The base64 text the SDK puts on the wire for <see cref="PngBytes"/> (what must never reach a log).</summary>
    public static string FaceBase64 => Convert.ToBase64String(PngBytes);
}
