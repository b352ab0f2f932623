namespace Modal.Client.Testing.Internal;

/// <summary>
/// Which LoRA files the fake's model volume holds: the known set plus the ryla-z-image style LoRAs, or every file when
/// unknown LoRAs are accepted.
/// </summary>
internal sealed class LoraCatalog
{
    /// <summary>Style LoRAs baked into the ryla-z-image image (contract §3.11), present whatever the test registers.</summary>
    private static readonly string[] ZImageBuiltIns =
    [
        "realistic-snapshot-zit.safetensors",
        "instagramification.safetensors",
        "cinematic-kodak-zit.safetensors",
        "candid-instax-zit.safetensors",
        "nsfw-master-zit.safetensors",
        "zimage-turbo-nsfw.safetensors",
    ];

    private readonly HashSet<string> known;
    private readonly bool acceptUnknown;

    public LoraCatalog(IEnumerable<string>? files, bool acceptUnknown)
    {
        known = new HashSet<string>((files ?? []).Select(Normalize), StringComparer.Ordinal);
        this.acceptUnknown = acceptUnknown;
    }

    public const string Extension = ".safetensors";

    public static string Normalize(string file) =>
        file.EndsWith(Extension, StringComparison.Ordinal) ? file : file + Extension;

    public bool Contains(string file, bool zImage) =>
        acceptUnknown || known.Contains(file) || (zImage && ZImageBuiltIns.Contains(file, StringComparer.Ordinal));
}
