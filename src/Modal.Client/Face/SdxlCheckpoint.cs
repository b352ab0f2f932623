using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The SDXL checkpoint that /sdxl-instantid loads (<c>sdxl_checkpoint</c>): one of the three documented files, or
/// another file name through <see cref="FromFileName"/>.
/// </summary>
/// <remarks>The server does not validate the name: an unknown file fails inside the workflow (probably as a 400).</remarks>
[JsonConverter(typeof(WireValueJsonConverter<SdxlCheckpoint>))]
public readonly record struct SdxlCheckpoint : IWireValue
{
    private readonly string? _fileName;

    private SdxlCheckpoint(string fileName) => _fileName = fileName;

    /// <summary>Stability SDXL Base 1.0, <c>sd_xl_base_1.0.safetensors</c> (the server's default).</summary>
    public static SdxlCheckpoint SdxlBase { get; } = new("sd_xl_base_1.0.safetensors");

    /// <summary>RealVisXL V4 (SG161222), <c>RealVisXL_V4.0.safetensors</c>.</summary>
    public static SdxlCheckpoint RealVisXL { get; } = new("RealVisXL_V4.0.safetensors");

    /// <summary>Juggernaut-XL v9 RunDiffusion Photo v2, <c>Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors</c>.</summary>
    public static SdxlCheckpoint Juggernaut { get; } = new("Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors");

    /// <summary>The three documented checkpoints.</summary>
    public static IReadOnlyList<SdxlCheckpoint> Documented { get; } = [SdxlBase, RealVisXL, Juggernaut];

    /// <summary>The file name sent to the server.</summary>
    public string FileName => _fileName ?? SdxlBase.FileName;

    string IWireValue.WireValue => FileName;

    /// <summary>
    /// The escape hatch for a checkpoint that is in the app's image but not documented (for example
    /// <c>intorealism-xl.safetensors</c>).
    /// </summary>
    /// <param name="fileName">A <c>.safetensors</c> file name without a directory.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="ArgumentException">The name is empty, has a directory part or does not end in <c>.safetensors</c>.</exception>
    public static SdxlCheckpoint FromFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || !fileName.EndsWith(".safetensors", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{fileName}' is not a checkpoint file name: give a bare '<name>.safetensors' name, for example '{SdxlBase.FileName}'.",
                nameof(fileName));
        }

        return Documented.FirstOrDefault(c => c.FileName == fileName) is { _fileName: not null } documented ? documented : new(fileName);
    }

    /// <inheritdoc/>
    public override string ToString() => FileName;
}
