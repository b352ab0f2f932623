using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Modal.Client.Internal;

/// <summary>
/// A batch folder's <c>manifest.jsonl</c>: what earlier runs finished (the last line per item wins; a torn last line
/// is ignored), and an append-only writer that flushes each line the moment an item ends.
/// </summary>
internal sealed class BatchManifest : IAsyncDisposable
{
    public const string FileName = "manifest.jsonl";

    /// <summary>Readable messages in the file (<c>"width"</c>, not <c>\u0022width\u0022</c>); the manifest is a local file, never HTML.</summary>
    private static readonly BatchJsonContext Json = new(new JsonSerializerOptions(BatchJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder;
    private readonly FileStream _stream;
    private readonly Dictionary<int, BatchManifestLine> _earlier;

    private BatchManifest(string folder, FileStream stream, Dictionary<int, BatchManifestLine> earlier)
    {
        _folder = folder;
        _stream = stream;
        _earlier = earlier;
    }

    public static async Task<BatchManifest> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, FileName);
        var earlier = new Dictionary<int, BatchManifestLine>();
        var endsWithNewline = true;
        if (File.Exists(path))
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            endsWithNewline = bytes.Length == 0 || bytes[^1] == (byte)'\n';
            foreach (var text in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                try
                {
                    if (JsonSerializer.Deserialize(text, BatchJsonContext.Default.BatchManifestLine) is { Line: > 0 } line)
                    {
                        earlier[line.Line] = line;
                    }
                }
                catch (JsonException)
                {
                    // A line torn by a crash while it was written: the item is not finished.
                }
            }
        }

        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, useAsync: true);
        if (!endsWithNewline)
        {
            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        return new BatchManifest(full, stream, earlier);
    }

    /// <summary>The earlier run's line for this item when it was ok, for the same endpoint, and its file is still there.</summary>
    public BatchManifestLine? FinishedEarlier(int line, ModalEndpoint endpoint) =>
        _earlier.TryGetValue(line, out var earlier)
        && earlier.Status == "ok"
        && string.Equals(earlier.Endpoint, endpoint.Path, StringComparison.Ordinal)
        && earlier.File is { Length: > 0 } file
        && File.Exists(FullPath(file))
            ? earlier
            : null;

    public string FullPath(string relative) => Path.GetFullPath(relative, _folder);

    /// <summary>The result file of an item: <c>00007-flux-dev.png</c> (renamed after the call when the real format differs).</summary>
    public string ResultPath(int line, ModalEndpoint endpoint)
    {
        var extension = endpoint.OutputKind switch
        {
            ModalOutputKind.AnimatedWebP => ".webp",
            ModalOutputKind.Mp4 => ".mp4",
            _ => ".png",
        };
        return Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{line:D5}-{endpoint.Path.TrimStart('/')}{extension}"));
    }

    public string Relative(string fullPath) => Path.GetRelativePath(_folder, fullPath).Replace('\\', '/');

    public async Task AppendAsync(ModalBatchResult result)
    {
        var line = new BatchManifestLine
        {
            Line = result.Line,
            Endpoint = result.Endpoint?.Path,
            Status = StatusText(result.Status),
            File = result.FilePath is { } file ? Relative(file) : null,
            Seed = result.Seed,
            CallId = result.CallId,
            CostUsd = result.CostUsd,
            DurationS = result.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null,
            Error = result.Error?.Message,
            GpuWorkMayHaveRun = result.GpuWorkMayHaveRun,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, Json.BatchManifestLine);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // Never cancelled: a finished item is recorded even while the batch is being stopped.
            await _stream.WriteAsync(bytes).ConfigureAwait(false);
            await _stream.WriteAsync("\n"u8.ToArray()).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static string StatusText(ModalBatchStatus status) => status switch
    {
        ModalBatchStatus.Ok => "ok",
        ModalBatchStatus.Failed => "failed",
        _ => "refused",
    };

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
