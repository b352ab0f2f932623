using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The execution provider of the InstantID face-analysis node (<c>face_provider</c> on /sdxl-instantid, fed to
/// <c>InstantIDFaceAnalysis.provider</c> of cubiq/ComfyUI_InstantID), whose list is CPU, CUDA, ROCM and CoreML.
/// </summary>
/// <remarks>
/// The node refuses any other value after the job started (a billed failure), so use the named values;
/// <see cref="Custom"/> is the escape hatch for a provider a newer node version adds. <c>default(InstantIdFaceProvider)</c>
/// is <see cref="Cpu"/>, the server's default. /flux-ipadapter-faceid uses another node with another list:
/// <see cref="IpAdapterFaceProvider"/>.
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<InstantIdFaceProvider>))]
public readonly record struct InstantIdFaceProvider : IWireValue
{
    private const string DefaultName = "CPU";

    private readonly string? _name;

    private InstantIdFaceProvider(string name) => _name = name;

    /// <summary><c>CPU</c>, the server's default.</summary>
    public static InstantIdFaceProvider Cpu { get; } = new("CPU");

    /// <summary><c>CUDA</c> (NVIDIA GPUs; the deployed apps run on L40S).</summary>
    public static InstantIdFaceProvider Cuda { get; } = new("CUDA");

    /// <summary><c>ROCM</c> (AMD GPUs).</summary>
    public static InstantIdFaceProvider Rocm { get; } = new("ROCM");

    /// <summary><c>CoreML</c> (Apple).</summary>
    public static InstantIdFaceProvider CoreMl { get; } = new("CoreML");

    /// <summary>The providers the InstantIDFaceAnalysis node lists.</summary>
    public static IReadOnlyList<InstantIdFaceProvider> Known { get; } = [Cpu, Cuda, Rocm, CoreMl];

    /// <summary>The value sent to the server, for example <c>CUDA</c>.</summary>
    public string Name => _name ?? DefaultName;

    string IWireValue.WireValue => Name;

    /// <summary>
    /// A provider the node does not list today (the escape hatch). Prefer the named values: the node refuses
    /// values it does not list, after the job started.
    /// </summary>
    /// <param name="name">The node's value, for example <c>CUDA</c>.</param>
    /// <returns>The InstantID face provider; a known one when <paramref name="name"/> matches it ignoring case.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, longer than 100 characters or has characters other than ASCII letters or digits.</exception>
    public static InstantIdFaceProvider Custom(string name)
    {
        var value = RequestCheck.CustomChoice(name, nameof(name), "InstantID face provider", "", "CUDA");
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return new(value);
    }

    /// <summary>Whether both send the same value (<c>default(InstantIdFaceProvider)</c> sends <c>CPU</c>, like <see cref="Cpu"/>).</summary>
    /// <param name="other">The other InstantID face provider.</param>
    /// <returns><see langword="true"/> when both send the same value.</returns>
    public bool Equals(InstantIdFaceProvider other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
