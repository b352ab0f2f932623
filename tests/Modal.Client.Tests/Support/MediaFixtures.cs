namespace Modal.Client.Tests.Support;

/// <summary>Real media files made by Pillow and ffmpeg as the servers make them (Fixtures/Media/README.md).</summary>
internal static class MediaFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Media", name));
}
