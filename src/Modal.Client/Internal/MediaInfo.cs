namespace Modal.Client.Internal;

/// <summary>What a media file's header says about it; each part is <see langword="null"/> when the header does not say.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FrameCount">Frames of an animation or video (1 for a still WebP).</param>
/// <param name="PlaybackDuration">How long the animation or video plays.</param>
internal readonly record struct MediaInfo(int? Width, int? Height, int? FrameCount = null, TimeSpan? PlaybackDuration = null)
{
    /// <summary>Nothing known.</summary>
    public static MediaInfo None => default;

    /// <summary>Frames per second, from <see cref="FrameCount"/> and <see cref="PlaybackDuration"/>.</summary>
    public double? FrameRate => FrameCount is { } frames && frames > 0 && PlaybackDuration is { } duration && duration > TimeSpan.Zero
        ? Math.Round(frames / duration.TotalSeconds, 3)
        : null;

    /// <summary>A size only when both sides are positive.</summary>
    public static MediaInfo Size(long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? new MediaInfo((int)width, (int)height) : None;
}
