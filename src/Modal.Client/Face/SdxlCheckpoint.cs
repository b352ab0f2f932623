using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The SDXL checkpoint that /sdxl-instantid loads (<c>sdxl_checkpoint</c>, fed to <c>CheckpointLoaderSimple.ckpt_name</c>):
/// one of the three documented files, or another file in the app's image through <see cref="Custom"/>.
/// </summary>
/// <remarks>
/// The server does not validate the name: an unknown file fails inside the workflow, after the job started (probably
/// reported as a 400). <c>default(SdxlCheckpoint)</c> sends <c>sd_xl_base_1.0.safetensors</c> and equals
/// <see cref="SdxlBase"/>: two checkpoints are equal exactly when they send the same file.
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<SdxlCheckpoint>))]
public readonly record struct SdxlCheckpoint : IWireValue
{
    private const string DefaultFileName = "sd_xl_base_1.0.safetensors";

    private readonly string? _fileName;

    private SdxlCheckpoint(string fileName) => _fileName = fileName;

    /// <summary>Stability SDXL Base 1.0, <c>sd_xl_base_1.0.safetensors</c> (the server's default).</summary>
    public static SdxlCheckpoint SdxlBase { get; } = new(DefaultFileName);

    /// <summary>RealVisXL V4 (SG161222), <c>RealVisXL_V4.0.safetensors</c>.</summary>
    public static SdxlCheckpoint RealVisXL { get; } = new("RealVisXL_V4.0.safetensors");

    /// <summary>Juggernaut-XL v9 RunDiffusion Photo v2, <c>Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors</c>.</summary>
    public static SdxlCheckpoint Juggernaut { get; } = new("Juggernaut-XL_v9_RunDiffusionPhoto_v2.safetensors");

    /// <summary>The three documented checkpoints, all downloaded into the app's image.</summary>
    public static IReadOnlyList<SdxlCheckpoint> Known { get; } = [SdxlBase, RealVisXL, Juggernaut];

    /// <summary>The file name sent to the server.</summary>
    public string FileName => _fileName ?? DefaultFileName;

    string IWireValue.WireValue => FileName;

    /// <summary>
    /// The escape hatch for a checkpoint that is in the app's image but not documented (for example
    /// <c>intorealism-xl.safetensors</c>, which the image downloads best-effort).
    /// </summary>
    /// <param name="fileName">A <c>.safetensors</c> file name without a directory.</param>
    /// <returns>The checkpoint; a documented one when <paramref name="fileName"/> is its file name.</returns>
    /// <exception cref="ArgumentException">The name is empty, has a directory part or does not end in <c>.safetensors</c>.</exception>
    public static SdxlCheckpoint Custom(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = fileName.Trim();
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal)
            || !name.EndsWith(".safetensors", StringComparison.Ordinal) || name.Length > 200)
        {
            throw new ArgumentException(
                $"'{fileName}' is not a checkpoint file name: give a bare '<name>.safetensors' name, for example '{DefaultFileName}'.",
                nameof(fileName));
        }

        return new(name);
    }

    /// <summary>Whether both send the same file (<c>default(SdxlCheckpoint)</c> equals <see cref="SdxlBase"/>).</summary>
    /// <param name="other">The other checkpoint.</param>
    /// <returns><see langword="true"/> when both send the same file name.</returns>
    public bool Equals(SdxlCheckpoint other) => string.Equals(FileName, other.FileName, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(FileName);

    /// <inheritdoc/>
    public override string ToString() => FileName;
}
