using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The execution provider of the XLabs IP-Adapter loader (<c>face_provider</c> on /flux-ipadapter-faceid, fed to
/// <c>LoadFluxIPAdapter.provider</c> of XLabs-AI/x-flux-comfyui), whose list is CPU and GPU.
/// </summary>
/// <remarks>
/// The node refuses any other value after the job started (a billed failure), so use the named values;
/// <see cref="Custom"/> is the escape hatch for a provider a newer node version adds. <c>default(IpAdapterFaceProvider)</c>
/// is <see cref="Cpu"/>, the server's default. /sdxl-instantid uses another node with another list:
/// <see cref="InstantIdFaceProvider"/>.
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<IpAdapterFaceProvider>))]
public readonly record struct IpAdapterFaceProvider : IWireValue
{
    private const string DefaultName = "CPU";

    private readonly string? _name;

    private IpAdapterFaceProvider(string name) => _name = name;

    /// <summary><c>CPU</c>, the server's default.</summary>
    public static IpAdapterFaceProvider Cpu { get; } = new("CPU");

    /// <summary><c>GPU</c>.</summary>
    public static IpAdapterFaceProvider Gpu { get; } = new("GPU");

    /// <summary>The providers the LoadFluxIPAdapter node lists.</summary>
    public static IReadOnlyList<IpAdapterFaceProvider> Known { get; } = [Cpu, Gpu];

    /// <summary>The value sent to the server, for example <c>GPU</c>.</summary>
    public string Name => _name ?? DefaultName;

    string IWireValue.WireValue => Name;

    /// <summary>
    /// A provider the node does not list today (the escape hatch). Prefer the named values: the node refuses
    /// values it does not list, after the job started.
    /// </summary>
    /// <param name="name">The node's value, for example <c>GPU</c>.</param>
    /// <returns>The IP-Adapter face provider; a known one when <paramref name="name"/> matches it ignoring case.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, longer than 100 characters or has characters other than ASCII letters or digits.</exception>
    public static IpAdapterFaceProvider Custom(string name)
    {
        var value = RequestCheck.CustomChoice(name, nameof(name), "IP-Adapter face provider", "", "GPU");
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return new(value);
    }

    /// <summary>Whether both send the same value (<c>default(IpAdapterFaceProvider)</c> sends <c>CPU</c>, like <see cref="Cpu"/>).</summary>
    /// <param name="other">The other IP-Adapter face provider.</param>
    /// <returns><see langword="true"/> when both send the same value.</returns>
    public bool Equals(IpAdapterFaceProvider other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
