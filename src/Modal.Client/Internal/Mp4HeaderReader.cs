using System.Buffers.Binary;

namespace Modal.Client.Internal;

/// <summary>
/// Reads an MP4's (ISO BMFF) video track: frame size from <c>tkhd</c> (or the <c>stsd</c> sample entry), frame count
/// from <c>stsz</c> (or <c>stts</c>), duration from <c>mdhd</c> (or <c>mvhd</c>). Finds <c>moov</c> before or after
/// <c>mdat</c>; every box size is checked against its parent, so garbage yields nothing rather than an error.
/// </summary>
internal static class Mp4HeaderReader
{
    /// <summary>Boxes looked at per level, at most.</summary>
    private const int MaxBoxes = 10_000;

    /// <summary><c>stts</c> entries added up at most.</summary>
    private const int MaxTimeToSampleEntries = 100_000;

    public static MediaInfo Read(MediaBytes bytes)
    {
        if (Find(bytes, 0, bytes.Length, "moov"u8) is not { } moov)
        {
            return MediaInfo.None;
        }

        Track? video = null;
        (long Timescale, long Duration) movie = default;
        Span<byte> type = stackalloc byte[4];
        var offset = moov.Start;
        for (var i = 0; i < MaxBoxes && Next(bytes, offset, moov.End, type) is { } box; i++)
        {
            if (type.SequenceEqual("mvhd"u8))
            {
                movie = TimescaleAndDuration(bytes, box.Start, box.End);
            }
            else if (video is null && type.SequenceEqual("trak"u8))
            {
                video = ReadTrack(bytes, box.Start, box.End);
            }

            offset = box.End;
        }

        if (video is not { } track)
        {
            return MediaInfo.None;
        }

        var (timescale, duration) = track.Timescale > 0 && track.Duration > 0 ? (track.Timescale, track.Duration) : movie;
        var seconds = timescale > 0 ? (double)duration / timescale : 0;
        var info = track.Width > 0 && track.Height > 0 ? MediaInfo.Size(track.Width, track.Height) : MediaInfo.Size(track.EntryWidth, track.EntryHeight);
        return info with
        {
            FrameCount = track.Frames is > 0 and <= int.MaxValue ? (int)track.Frames : null,
            PlaybackDuration = seconds is > 0 and < 1e9 ? TimeSpan.FromSeconds(seconds) : null,
        };
    }

    private static Track? ReadTrack(MediaBytes bytes, long start, long end)
    {
        var track = default(Track);
        var isVideo = false;
        Span<byte> header = stackalloc byte[4];
        Span<byte> size = stackalloc byte[8];
        if (Find(bytes, start, end, "tkhd"u8) is { } tkhd && bytes.TryRead(tkhd.Start, header))
        {
            // Version 0 puts width and height (16.16 fixed point) 76 bytes after the version and flags; version 1, 88.
            var at = tkhd.Start + (header[0] == 1 ? 88 : 76);
            if (at + 8 <= tkhd.End && bytes.TryRead(at, size))
            {
                track.Width = BinaryPrimitives.ReadUInt32BigEndian(size) >> 16;
                track.Height = BinaryPrimitives.ReadUInt32BigEndian(size[4..]) >> 16;
            }
        }

        if (Find(bytes, start, end, "mdia"u8) is not { } mdia)
        {
            return null;
        }

        if (Find(bytes, mdia.Start, mdia.End, "hdlr"u8) is { } hdlr && hdlr.Start + 12 <= hdlr.End && bytes.TryRead(hdlr.Start + 8, header))
        {
            isVideo = header.SequenceEqual("vide"u8);
        }

        if (!isVideo)
        {
            return null;
        }

        if (Find(bytes, mdia.Start, mdia.End, "mdhd"u8) is { } mdhd)
        {
            (track.Timescale, track.Duration) = TimescaleAndDuration(bytes, mdhd.Start, mdhd.End);
        }

        if (Find(bytes, mdia.Start, mdia.End, "minf"u8) is { } minf && Find(bytes, minf.Start, minf.End, "stbl"u8) is { } stbl)
        {
            track.Frames = SampleCount(bytes, stbl.Start, stbl.End);
            ReadSampleEntry(bytes, stbl.Start, stbl.End, ref track);
        }

        return track;
    }

    /// <summary>Samples in the track: <c>stsz</c>/<c>stz2</c> sample_count, else the <c>stts</c> counts added up.</summary>
    private static long SampleCount(MediaBytes bytes, long start, long end)
    {
        Span<byte> field = stackalloc byte[4];
        foreach (var sizes in (ReadOnlySpan<uint>)[FourCc("stsz"u8), FourCc("stz2"u8)])
        {
            if (Find(bytes, start, end, sizes) is { } box && box.Start + 12 <= box.End && bytes.TryRead(box.Start + 8, field)
                && BinaryPrimitives.ReadUInt32BigEndian(field) is > 0 and var count)
            {
                return count;
            }
        }

        if (Find(bytes, start, end, "stts"u8) is not { } stts || !bytes.TryRead(stts.Start + 4, field))
        {
            return 0;
        }

        var entries = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(field), MaxTimeToSampleEntries);
        long total = 0;
        for (var i = 0; i < entries; i++)
        {
            var at = stts.Start + 8 + (i * 8L);
            if (at + 8 > stts.End || !bytes.TryRead(at, field))
            {
                break;
            }

            total += BinaryPrimitives.ReadUInt32BigEndian(field);
        }

        return total;
    }

    /// <summary>Width and height of the first visual sample entry in <c>stsd</c> (the coded size).</summary>
    private static void ReadSampleEntry(MediaBytes bytes, long start, long end, ref Track track)
    {
        // stsd: version and flags (4), entry count (4); entry: size (4), type (4), reserved (6), data reference (2),
        // pre-defined and reserved (16), width (2), height (2).
        Span<byte> size = stackalloc byte[4];
        if (Find(bytes, start, end, "stsd"u8) is { } stsd && stsd.Start + 8 + 36 <= stsd.End && bytes.TryRead(stsd.Start + 8 + 32, size))
        {
            track.EntryWidth = BinaryPrimitives.ReadUInt16BigEndian(size);
            track.EntryHeight = BinaryPrimitives.ReadUInt16BigEndian(size[2..]);
        }
    }

    /// <summary>
    /// Timescale and duration of <c>mvhd</c>/<c>mdhd</c>: version 0 has 32-bit times (timescale 12 bytes in), version 1
    /// 64-bit ones (timescale 20 bytes in).
    /// </summary>
    private static (long Timescale, long Duration) TimescaleAndDuration(MediaBytes bytes, long start, long end)
    {
        Span<byte> version = stackalloc byte[1];
        Span<byte> values = stackalloc byte[12];
        if (!bytes.TryRead(start, version))
        {
            return default;
        }

        var isVersionOne = version[0] == 1;
        var at = start + (isVersionOne ? 20 : 12);
        var length = isVersionOne ? 12 : 8;
        if (at + length > end || !bytes.TryRead(at, values[..length]))
        {
            return default;
        }

        var timescale = BinaryPrimitives.ReadUInt32BigEndian(values);
        var duration = isVersionOne ? BinaryPrimitives.ReadUInt64BigEndian(values[4..]) : BinaryPrimitives.ReadUInt32BigEndian(values[4..]);
        return (timescale, duration > long.MaxValue ? 0 : (long)duration);
    }

    private static (long Start, long End)? Find(MediaBytes bytes, long start, long end, ReadOnlySpan<byte> wanted) =>
        Find(bytes, start, end, FourCc(wanted));

    /// <summary>The payload range of the first child box of type <paramref name="wanted"/> between start and end.</summary>
    private static (long Start, long End)? Find(MediaBytes bytes, long start, long end, uint wanted)
    {
        Span<byte> type = stackalloc byte[4];
        var offset = start;
        for (var i = 0; i < MaxBoxes && Next(bytes, offset, end, type) is { } box; i++)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(type) == wanted)
            {
                return (box.Start, box.End);
            }

            offset = box.End;
        }

        return null;
    }

    /// <summary>
    /// The box at <paramref name="offset"/>: its type into <paramref name="type"/> and its payload range; null when no
    /// whole box header fits or its size is impossible. Size 1 means a 64-bit size follows; size 0, "to the end".
    /// </summary>
    private static (long Start, long End)? Next(MediaBytes bytes, long offset, long end, Span<byte> type)
    {
        Span<byte> header = stackalloc byte[16];
        if (offset + 8 > end || !bytes.TryRead(offset, header[..8]))
        {
            return null;
        }

        header[4..8].CopyTo(type);
        var size = (ulong)BinaryPrimitives.ReadUInt32BigEndian(header);
        var headerLength = 8L;
        if (size == 1)
        {
            if (offset + 16 > end || !bytes.TryRead(offset + 8, header[8..16]))
            {
                return null;
            }

            size = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            headerLength = 16;
        }
        else if (size == 0)
        {
            size = (ulong)(end - offset);
        }

        if (size < (ulong)headerLength || size > (ulong)(end - offset))
        {
            return null;
        }

        return (offset + headerLength, offset + (long)size);
    }

    private static uint FourCc(ReadOnlySpan<byte> text) => BinaryPrimitives.ReadUInt32BigEndian(text);

    private struct Track
    {
        public long Width;
        public long Height;
        public long EntryWidth;
        public long EntryHeight;
        public long Timescale;
        public long Duration;
        public long Frames;
    }
}
