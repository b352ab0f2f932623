using Modal.Client.Testing;

namespace Modal.Client.Tests.Support;

/// <summary>Small, valid media files for tests, from the testing package's <see cref="FakeMedia"/>.</summary>
internal static class TestMedia
{
    public static byte[] Png(int width = 2, int height = 2) => FakeMedia.Png(width, height);

    public static byte[] Jpeg(int width = 4, int height = 3) => FakeMedia.Jpeg(width, height);

    public static byte[] AnimatedWebP() => FakeMedia.AnimatedWebP(8, 8);

    public static byte[] Mp4() => FakeMedia.Mp4(8, 8);

    public static ModalMedia PngMedia() => ModalMedia.FromBytes(Png());

    public static ModalMedia Mp4Media() => ModalMedia.FromBytes(Mp4());

    public static string DataUrl(string mime, byte[] bytes) => $"data:{mime};base64,{Convert.ToBase64String(bytes)}";
}
