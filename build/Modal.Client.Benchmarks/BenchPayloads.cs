using System.Buffers.Binary;

namespace Modal.Client.Benchmarks;

/// <summary>
/// The fixed payloads of the benchmarks, in MiB: a 1.3 MiB PNG (as /flux returns, labelled image/jpeg), MP4s of 30 and
/// 200 MiB (as /video-faceswap returns) and the 50 MiB reference video sent as input. Seeded noise, so they do not compress.
/// </summary>
internal static class BenchPayloads
{
    public const int MiB = 1024 * 1024;

    /// <summary>1.3 MiB, the size of a 1024×1024 Flux PNG.</summary>
    public const int ImageBytes = (int)(1.3 * MiB);

    /// <summary>A small image result, to show per-call overhead when the transfer does not dominate.</summary>
    public const int SmallImageBytes = 16 * 1024;

    public const int BufferedVideoBytes = 30 * MiB;

    public const int StreamedVideoBytes = 200 * MiB;

    public const int InputVideoBytes = 50 * MiB;

    /// <summary>The small MP4 answered to the large-input benchmark, so that only the request is measured.</summary>
    public const int TinyVideoBytes = 4 * 1024;

    /// <summary>A PNG: signature, IHDR (1024×1024 RGB), one IDAT of noise, IEND; <paramref name="totalBytes"/> long.</summary>
    public static byte[] Png(int totalBytes)
    {
        var file = new byte[totalBytes];
        new Random(1).NextBytes(file);
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(file);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(8), 13);
        "IHDR"u8.CopyTo(file.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(16), 1024);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(20), 1024);
        file[24] = 8;
        file[25] = 2;
        file[26] = file[27] = file[28] = 0;
        var idat = totalBytes - 33 - 12 - 12;
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(33), idat);
        "IDAT"u8.CopyTo(file.AsSpan(37));
        var end = totalBytes - 12;
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(end), 0);
        "IEND"u8.CopyTo(file.AsSpan(end + 4));
        return file;
    }

    /// <summary>An MP4: an <c>ftyp</c> box (brand isom) then one <c>mdat</c> of noise; <paramref name="totalBytes"/> long.</summary>
    public static byte[] Mp4(int totalBytes)
    {
        var file = GC.AllocateUninitializedArray<byte>(totalBytes);
        new Random(2).NextBytes(file);
        BinaryPrimitives.WriteInt32BigEndian(file, 32);
        "ftypisom"u8.CopyTo(file.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(12), 0x200);
        "isomiso2avc1mp41"u8.CopyTo(file.AsSpan(16));
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(32), totalBytes - 32);
        "mdat"u8.CopyTo(file.AsSpan(36));
        return file;
    }
}
