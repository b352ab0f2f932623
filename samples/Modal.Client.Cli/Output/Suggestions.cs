namespace Modal.Client.Cli.Output;

/// <summary>"Did you mean" for a mistyped command or option: the names closest by edit distance, or that it starts.</summary>
internal static class Suggestions
{
    /// <summary>Up to three candidates close to <paramref name="typed"/>, closest first.</summary>
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var bare = typed.TrimStart('-');
        if (bare.Length == 0)
        {
            return [];
        }

        var limit = Math.Max(1, Math.Min(3, bare.Length / 3));
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed, c), Prefix: c.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c.Distance <= limit || (c.Prefix && bare.Length >= 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name.Length)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Name)];
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
