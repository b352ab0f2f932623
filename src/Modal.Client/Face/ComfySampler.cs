using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// A ComfyUI KSampler sampler (<c>sampler_name</c> on /sdxl-instantid, fed to <c>KSampler.sampler_name</c>): the
/// common ones as named values, any other name of the deployed ComfyUI through <see cref="Custom"/>.
/// </summary>
/// <remarks>
/// The deployed apps pin ComfyUI 0.3.71, whose KSampler lists about 40 samplers; the named values are the widely used
/// ones. KSampler refuses a name it does not list, after the job started. <c>default(ComfySampler)</c> is
/// <see cref="Euler"/>, the server's default.
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<ComfySampler>))]
public readonly record struct ComfySampler : IWireValue
{
    private const string DefaultName = "euler";

    private readonly string? _name;

    private ComfySampler(string name) => _name = name;

    /// <summary><c>euler</c>, the server's default.</summary>
    public static ComfySampler Euler { get; } = new("euler");

    /// <summary><c>euler_ancestral</c>.</summary>
    public static ComfySampler EulerAncestral { get; } = new("euler_ancestral");

    /// <summary><c>heun</c>.</summary>
    public static ComfySampler Heun { get; } = new("heun");

    /// <summary><c>dpm_2</c>.</summary>
    public static ComfySampler Dpm2 { get; } = new("dpm_2");

    /// <summary><c>dpm_2_ancestral</c>.</summary>
    public static ComfySampler Dpm2Ancestral { get; } = new("dpm_2_ancestral");

    /// <summary><c>lms</c>.</summary>
    public static ComfySampler Lms { get; } = new("lms");

    /// <summary><c>dpmpp_sde</c> (DPM++ SDE).</summary>
    public static ComfySampler DpmppSde { get; } = new("dpmpp_sde");

    /// <summary><c>dpmpp_2s_ancestral</c> (DPM++ 2S ancestral).</summary>
    public static ComfySampler Dpmpp2SAncestral { get; } = new("dpmpp_2s_ancestral");

    /// <summary><c>dpmpp_2m</c> (DPM++ 2M).</summary>
    public static ComfySampler Dpmpp2M { get; } = new("dpmpp_2m");

    /// <summary><c>dpmpp_2m_sde</c> (DPM++ 2M SDE).</summary>
    public static ComfySampler Dpmpp2MSde { get; } = new("dpmpp_2m_sde");

    /// <summary><c>dpmpp_3m_sde</c> (DPM++ 3M SDE).</summary>
    public static ComfySampler Dpmpp3MSde { get; } = new("dpmpp_3m_sde");

    /// <summary><c>lcm</c>.</summary>
    public static ComfySampler Lcm { get; } = new("lcm");

    /// <summary><c>ddim</c>.</summary>
    public static ComfySampler Ddim { get; } = new("ddim");

    /// <summary><c>uni_pc</c>.</summary>
    public static ComfySampler UniPc { get; } = new("uni_pc");

    /// <summary>The named samplers (a subset of what KSampler lists; see <see cref="Custom"/> for the others).</summary>
    public static IReadOnlyList<ComfySampler> Known { get; } = [Euler, EulerAncestral, Heun, Dpm2, Dpm2Ancestral, Lms, DpmppSde, Dpmpp2SAncestral, Dpmpp2M, Dpmpp2MSde, Dpmpp3MSde, Lcm, Ddim, UniPc];

    /// <summary>The value sent to the server, for example <c>dpmpp_2m</c>.</summary>
    public string Name => _name ?? DefaultName;

    string IWireValue.WireValue => Name;

    /// <summary>
    /// Another sampler the deployed KSampler lists, for example <c>res_multistep</c> or <c>er_sde</c> (the escape
    /// hatch). KSampler refuses a name it does not list, after the job started.
    /// </summary>
    /// <param name="name">The node's value, for example <c>res_multistep</c>.</param>
    /// <returns>The sampler; a known one when <paramref name="name"/> matches it ignoring case.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, longer than 100 characters or has characters other than ASCII letters, digits or '_'.</exception>
    public static ComfySampler Custom(string name)
    {
        var value = RequestCheck.CustomChoice(name, nameof(name), "sampler", "_", "res_multistep");
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return new(value);
    }

    /// <summary>Whether both send the same value (<c>default(ComfySampler)</c> sends <c>euler</c>, like <see cref="Euler"/>).</summary>
    /// <param name="other">The other sampler.</param>
    /// <returns><see langword="true"/> when both send the same value.</returns>
    public bool Equals(ComfySampler other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
