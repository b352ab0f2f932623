using System.Text;

namespace Modal.Client.Cli.Output;

/// <summary>Plain-text columns and wrapping for output that must fit an 80-column terminal.</summary>
internal static class PlainText
{
    /// <summary>The width every line of <c>models</c> fits in.</summary>
    public const int Width = 80;

    /// <summary>Rows as left-aligned columns two spaces apart; the last column is not padded.</summary>
    public static IEnumerable<string> Columns(IReadOnlyList<string[]> rows, string indent = "")
    {
        var count = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, count).Select(i => rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            yield return line.ToString().TrimEnd();
        }
    }

    /// <summary>Wraps <paramref name="text"/> at word boundaries: the first line after <paramref name="firstIndent"/>, the rest after <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Wrap(string text, string firstIndent, string indent, int width = Width)
    {
        var line = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        yield return line.ToString();
    }
}
