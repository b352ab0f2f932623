using System.Text.Json;

namespace Modal.Client.Cli.Batch;

/// <summary>
/// The lines an earlier run recorded <c>ok</c> in the output folder's <c>manifest.jsonl</c> whose file is still there (the
/// SDK skips the same ones), so the estimate and <c>--max-cost</c> count only what this run will call.
/// </summary>
internal static class FinishedLines
{
    public static async Task<IReadOnlyDictionary<int, string>> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "manifest.jsonl");
        var last = new Dictionary<int, (string? Status, string? Endpoint, string? File)>();
        if (File.Exists(path))
        {
            foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("line", out var line) && line.TryGetInt32(out var number))
                    {
                        last[number] = (Text(root, "status"), Text(root, "endpoint"), Text(root, "file"));
                    }
                }
                catch (JsonException)
                {
                    // A torn line: that item is not finished.
                }
            }
        }

        return last
            .Where(e => e.Value is { Status: "ok", Endpoint: not null, File: { Length: > 0 } file } && File.Exists(Path.GetFullPath(file, folder)))
            .ToDictionary(e => e.Key, e => e.Value.Endpoint!);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
