using System.Text.Json.Serialization;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// The aspect ratios the Qwen-Image endpoints know (<c>aspect_ratio</c>). A ratio overrides width and height with the
/// size shown on each member; the server silently ignores any other value, so only these can be sent.
/// </summary>
/// <remarks>
/// Because the ratio wins on the server, a request that sets both a ratio and a width or height is refused before
/// sending. <c>default(QwenAspectRatio)</c> is <see cref="Square"/> (<c>1:1</c>, 1328×1328).
/// </remarks>
[JsonConverter(typeof(WireValueJsonConverter<QwenAspectRatio>))]
public readonly record struct QwenAspectRatio : IWireValue
{
    private const int SquareSide = 1328;

    private readonly string? _ratio;
    private readonly int _width;
    private readonly int _height;

    private QwenAspectRatio(string ratio, int width, int height)
    {
        _ratio = ratio;
        _width = width;
        _height = height;
    }

    /// <summary><c>1:1</c>, 1328×1328.</summary>
    public static QwenAspectRatio Square { get; } = new("1:1", SquareSide, SquareSide);

    /// <summary><c>16:9</c>, 1664×928.</summary>
    public static QwenAspectRatio Landscape16x9 { get; } = new("16:9", 1664, 928);

    /// <summary><c>9:16</c>, 928×1664.</summary>
    public static QwenAspectRatio Portrait9x16 { get; } = new("9:16", 928, 1664);

    /// <summary><c>4:3</c>, 1472×1104.</summary>
    public static QwenAspectRatio Landscape4x3 { get; } = new("4:3", 1472, 1104);

    /// <summary><c>3:4</c>, 1104×1472.</summary>
    public static QwenAspectRatio Portrait3x4 { get; } = new("3:4", 1104, 1472);

    /// <summary><c>3:2</c>, 1584×1056.</summary>
    public static QwenAspectRatio Landscape3x2 { get; } = new("3:2", 1584, 1056);

    /// <summary><c>2:3</c>, 1056×1584.</summary>
    public static QwenAspectRatio Portrait2x3 { get; } = new("2:3", 1056, 1584);

    /// <summary>Every ratio the server knows.</summary>
    public static IReadOnlyList<QwenAspectRatio> All { get; } =
        [Square, Landscape16x9, Portrait9x16, Landscape4x3, Portrait3x4, Landscape3x2, Portrait2x3];

    /// <summary>The ratio as sent, for example <c>16:9</c>.</summary>
    public string Ratio => _ratio ?? "1:1";

    /// <summary>The output width in pixels.</summary>
    public int Width => _ratio is null ? SquareSide : _width;

    /// <summary>The output height in pixels.</summary>
    public int Height => _ratio is null ? SquareSide : _height;

    string IWireValue.WireValue => Ratio;

    /// <summary>Whether both send the same ratio (<c>default(QwenAspectRatio)</c> equals <see cref="Square"/>).</summary>
    /// <param name="other">The other ratio.</param>
    /// <returns><see langword="true"/> when both send the same ratio.</returns>
    public bool Equals(QwenAspectRatio other) => string.Equals(Ratio, other.Ratio, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Ratio);

    /// <inheritdoc/>
    public override string ToString() => Ratio;
}
