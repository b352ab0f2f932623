using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// A ComfyUI KSampler scheduler (<c>scheduler</c> on /sdxl-instantid, fed to <c>KSampler.scheduler</c>): the nine
/// of ComfyUI 0.3.71 as named values, and <see cref="Custom"/> for one a newer ComfyUI adds.
/// </summary>
/// <remarks>
/// KSampler refuses a name it does not list, after the job started. <c>default(ComfyScheduler)</c> is
/// <see cref="Normal"/>, the server's default.
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<ComfyScheduler>))]
public readonly record struct ComfyScheduler : IWireValue
{
    private const string DefaultName = "normal";

    private readonly string? _name;

    private ComfyScheduler(string name) => _name = name;

    /// <summary><c>normal</c>, the server's default.</summary>
    public static ComfyScheduler Normal { get; } = new("normal");

    /// <summary><c>karras</c>.</summary>
    public static ComfyScheduler Karras { get; } = new("karras");

    /// <summary><c>exponential</c>.</summary>
    public static ComfyScheduler Exponential { get; } = new("exponential");

    /// <summary><c>sgm_uniform</c>.</summary>
    public static ComfyScheduler SgmUniform { get; } = new("sgm_uniform");

    /// <summary><c>simple</c>.</summary>
    public static ComfyScheduler Simple { get; } = new("simple");

    /// <summary><c>ddim_uniform</c>.</summary>
    public static ComfyScheduler DdimUniform { get; } = new("ddim_uniform");

    /// <summary><c>beta</c>.</summary>
    public static ComfyScheduler Beta { get; } = new("beta");

    /// <summary><c>linear_quadratic</c>.</summary>
    public static ComfyScheduler LinearQuadratic { get; } = new("linear_quadratic");

    /// <summary><c>kl_optimal</c>.</summary>
    public static ComfyScheduler KlOptimal { get; } = new("kl_optimal");

    /// <summary>The schedulers KSampler lists in ComfyUI 0.3.71.</summary>
    public static IReadOnlyList<ComfyScheduler> Known { get; } = [Normal, Karras, Exponential, SgmUniform, Simple, DdimUniform, Beta, LinearQuadratic, KlOptimal];

    /// <summary>The value sent to the server, for example <c>karras</c>.</summary>
    public string Name => _name ?? DefaultName;

    string IWireValue.WireValue => Name;

    /// <summary>
    /// A scheduler the named values do not cover (the escape hatch). KSampler refuses a name it does not list, after
    /// the job started.
    /// </summary>
    /// <param name="name">The node's value, for example <c>karras</c>.</param>
    /// <returns>The scheduler; a known one when <paramref name="name"/> matches it ignoring case.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, longer than 100 characters or has characters other than ASCII letters, digits or '_'.</exception>
    public static ComfyScheduler Custom(string name)
    {
        var value = RequestCheck.CustomChoice(name, nameof(name), "scheduler", "_", "karras");
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return new(value);
    }

    /// <summary>Whether both send the same value (<c>default(ComfyScheduler)</c> sends <c>normal</c>, like <see cref="Normal"/>).</summary>
    /// <param name="other">The other scheduler.</param>
    /// <returns><see langword="true"/> when both send the same value.</returns>
    public bool Equals(ComfyScheduler other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
