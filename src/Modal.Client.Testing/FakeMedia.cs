using Modal.Client.Testing.Internal.Media;

namespace Modal.Client.Testing;

/// <summary>
/// Small, valid media files for tests (the same encoders the fake deployment answers with): reference faces, masks,
/// source videos. Each call with the same arguments returns the same bytes.
/// </summary>
public static class FakeMedia
{
    /// <summary>A real PNG of the given size.</summary>
    /// <param name="width">Width in pixels (1 to 4096).</param>
    /// <param name="height">Height in pixels (1 to 4096).</param>
    /// <param name="label">Varies the pixels and is stored in a text chunk, so two labels give different files.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Png(int width = 64, int height = 64, string? label = null)
        => PngEncoder.Encode(Check(width, nameof(width)), Check(height, nameof(height)), Identity(label), []);

    /// <summary>A real baseline JPEG of the given size.</summary>
    /// <param name="width">Width in pixels (1 to 4096).</param>
    /// <param name="height">Height in pixels (1 to 4096).</param>
    /// <param name="label">Varies the file, as for <see cref="Png"/>.</param>
    /// <returns>The JPEG file's bytes.</returns>
    public static byte[] Jpeg(int width = 64, int height = 64, string? label = null)
        => JpegEncoder.Encode(Check(width, nameof(width)), Check(height, nameof(height)), Identity(label), label ?? "Modal.Client.Testing");

    /// <summary>An animated WebP (VP8X, ANIM and one lossless frame per frame), as the Wan endpoints return.</summary>
    /// <param name="width">Width in pixels (1 to 4096).</param>
    /// <param name="height">Height in pixels (1 to 4096).</param>
    /// <param name="frames">Frame count, at least 2.</param>
    /// <returns>The WebP file's bytes.</returns>
    public static byte[] AnimatedWebP(int width = 64, int height = 64, int frames = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        return AnimatedWebPEncoder.Encode(Check(width, nameof(width)), Check(height, nameof(height)), frames, 62, Identity(null));
    }

    /// <summary>
    /// An MP4 container (ftyp, moov, mdat), as /video-faceswap returns and accepts: one video track of 25 frames per
    /// second whose headers give the size, frame count and duration (the samples are not a decodable H.264 stream).
    /// </summary>
    /// <param name="width">Width in pixels (1 to 4096).</param>
    /// <param name="height">Height in pixels (1 to 4096).</param>
    /// <param name="durationMs">Duration in milliseconds.</param>
    /// <returns>The MP4 file's bytes.</returns>
    public static byte[] Mp4(int width = 64, int height = 64, int durationMs = 1000)
        => Mp4Writer.Write(Check(width, nameof(width)), Check(height, nameof(height)), durationMs, Identity(null));

    private static MediaIdentity Identity(string? label) => MediaIdentity.Create("fake-media", null, label);

    private static int Check(int size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 4096, name);
        return size;
    }
}
