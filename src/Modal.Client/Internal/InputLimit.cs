using System.Globalization;

namespace Modal.Client.Internal;

/// <summary>
/// The range a request member accepts and where it comes from: the limit a ComfyUI node declares for the input the
/// member feeds (<c>INPUT_TYPES</c> min/max; ComfyUI refuses values outside it after the job started, so after billing),
/// or an SDK bound where the node's own limit is far beyond any useful value (KSampler allows 10000 steps).
/// </summary>
/// <param name="Min">The smallest accepted value.</param>
/// <param name="Max">The largest accepted value.</param>
/// <param name="Node">The node (and its custom-node pack) that declares the limit, or <see langword="null"/> for an SDK bound.</param>
/// <param name="Input">The node input the member feeds, or, for an SDK bound, why the SDK bounds it.</param>
internal readonly record struct InputLimit(double Min, double Max, string? Node, string Input)
{
    /// <summary>The limit the node <paramref name="node"/> declares for <paramref name="input"/>.</summary>
    public static InputLimit OfNode(double min, double max, string node, string input) => new(min, max, node, input);

    /// <summary>A bound the SDK sets, with the reason (usually what the node itself allows).</summary>
    public static InputLimit OfSdk(double min, double max, string reason) => new(min, max, null, reason);

    /// <summary>Says who accepts what, for example "the XLabs ApplyFluxIPAdapter node accepts ip_scale from 0 to 1".</summary>
    public string Describe(string unit = "") => Node is null
        ? string.Create(CultureInfo.InvariantCulture, $"the SDK accepts {Min} to {Max}{Unit(unit)} ({Input})")
        : string.Create(CultureInfo.InvariantCulture, $"the {Node} node accepts {Input} from {Min} to {Max}{Unit(unit)}");

    private static string Unit(string unit) => unit.Length > 0 ? " " + unit : string.Empty;
}
