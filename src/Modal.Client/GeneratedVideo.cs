using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>A video an endpoint produced: an animated WebP (the Wan 2.6 endpoints) or an MP4 (/video-faceswap).</summary>
/// <remarks>
/// The size, frame count and timing are read from the file (WebP <c>VP8X</c> canvas and <c>ANMF</c> frames; MP4
/// <c>tkhd</c>, <c>stsz</c>/<c>stts</c> and <c>mdhd</c>/<c>mvhd</c>), and are <see langword="null"/> where it does not say.
/// They can differ from what was asked for: the latent nodes floor sizes to multiples of 8, and Wan rounds
/// <c>length</c> down to 4n+1 frames.
/// </remarks>
public sealed class GeneratedVideo : GeneratedMedia
{
    internal GeneratedVideo(in GenerationDetails details)
        : base(details)
    {
        var info = MediaHeaderReader.Read(details);
        Width = info.Width;
        Height = info.Height;
        FrameCount = info.FrameCount;
        FrameRate = info.FrameRate;
        PlaybackDuration = info.PlaybackDuration;
    }

    /// <summary><see langword="true"/> for an animated WebP, which plays in browsers but is not an MP4.</summary>
    public bool IsAnimatedWebP => Format == MediaFormat.AnimatedWebP;

    /// <summary>The frame width in pixels (the WebP canvas, the MP4 video track).</summary>
    public int? Width { get; }

    /// <summary>The frame height in pixels (the WebP canvas, the MP4 video track).</summary>
    public int? Height { get; }

    /// <summary>The number of frames: <c>ANMF</c> chunks of an animated WebP, samples of the MP4 video track (1 for a still WebP).</summary>
    public int? FrameCount { get; }

    /// <summary>Frames per second, from <see cref="FrameCount"/> and <see cref="PlaybackDuration"/> (WebP frame durations are whole milliseconds, so 16 fps reads as about 16.13).</summary>
    public double? FrameRate { get; }

    /// <summary>
    /// How long the video plays: the sum of the WebP frame durations, or the MP4 video track's duration. Not to be
    /// confused with <see cref="GeneratedMedia.Duration"/>, the time the call took.
    /// </summary>
    public TimeSpan? PlaybackDuration { get; }
}
