namespace Modal.Client.Cli.Output;

/// <summary>Aligned <c>label  value</c> lines, written as plain text (no wrapping, no trailing spaces).</summary>
internal sealed class KeyValueLines
{
    private readonly List<(string Label, string Value)> _lines = [];

    public KeyValueLines Add(string label, string value)
    {
        _lines.Add((label, value));
        return this;
    }

    public void WriteTo(TextWriter output, string indent = "")
    {
        var width = _lines.Count == 0 ? 0 : _lines.Max(l => l.Label.Length) + 2;
        foreach (var (label, value) in _lines)
        {
            output.WriteLine($"{indent}{label.PadRight(width)}{value}");
        }
    }
}
