using System.Text.RegularExpressions;

namespace Modal.Client.Snippets;

/// <summary>
/// Every C# block of the READMEs is compiled code: a README block tagged <c>&lt;!-- snippet: name --&gt;</c> on the line
/// before its fence must equal, after normalization, the <c>#region name</c> of a .cs file in this project. Set
/// MODAL_UPDATE_README=1 to rewrite the README blocks from their regions.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private static readonly string[] ReadmePaths = ["README.md", "src/Modal.Client.Testing/README.md"];

    public static TheoryData<string> Readmes => new(ReadmePaths);

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_EveryCSharpBlock_IsTaggedWithASnippetName(string readme)
    {
        var untagged = ReadBlocks(readme).Where(b => b.Name is null).Select(b => $"{readme}:{b.Line}").ToList();

        Assert.True(untagged.Count == 0, $"C# blocks without a <!-- snippet: name --> line before the fence: {string.Join(", ", untagged)}");
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_EveryTaggedBlock_EqualsItsCompiledRegion(string readme)
    {
        var regions = ReadRegions();
        var path = Path.Combine(RepositoryRoot(), readme);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var mismatches = new List<string>();
        foreach (var block in ReadBlocks(readme).Where(b => b.Name is not null).Reverse())
        {
            if (!regions.TryGetValue(block.Name!, out var region))
            {
                mismatches.Add($"{readme}:{block.Line} '{block.Name}' has no #region {block.Name} in tests/Modal.Client.Snippets");
                continue;
            }

            if (Normalize(block.Code) != Normalize(region))
            {
                mismatches.Add($"{readme}:{block.Line} '{block.Name}' differs from its compiled region:\n--- README\n{Normalize(block.Code)}\n--- compiled\n{Normalize(region)}");
                text = text[..block.CodeStart] + Normalize(region) + "\n" + text[block.CodeEnd..];
            }
        }

        if (mismatches.Count > 0 && Environment.GetEnvironmentVariable("MODAL_UPDATE_README") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Fact]
    public void Readmes_EachSnippetName_IsUsedOnce()
    {
        var names = ReadmePaths.SelectMany(ReadBlocks).Select(b => b.Name).OfType<string>().ToList();

        Assert.Equal(names.Distinct().Order(), names.Order());
        Assert.Empty(ReadRegions().Keys.Except(names));   // no compiled region without its README block
    }

    [Fact]
    public void Normalize_IndentedRegionAndTrailingBlanks_EqualsTheReadmeText()
    {
        Assert.Equal("var a = 1;\n{\n    b();\n}", Normalize("\n        var a = 1;  \n        {\n            b();\n        }\n\n"));
    }

    /// <summary>Dedents, trims line ends and blank lines at both ends: indentation inside a method is not a difference.</summary>
    internal static string Normalize(string code)
    {
        var lines = code.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length == 0 ? l : l[indent..]));
    }

    private static List<Block> ReadBlocks(string readme)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), readme)).ReplaceLineEndings("\n");
        var blocks = new List<Block>();
        foreach (Match fence in CSharpFence().Matches(text))
        {
            var before = text[..fence.Index].TrimEnd('\n');
            var previousLine = before[(before.LastIndexOf('\n') + 1)..];
            var tag = SnippetTag().Match(previousLine);
            var code = fence.Groups["code"];
            blocks.Add(new Block(
                tag.Success ? tag.Groups["name"].Value : null,
                code.Value,
                code.Index,
                code.Index + code.Length,
                text[..fence.Index].Count(c => c == '\n') + 1));
        }

        return blocks;
    }

    private static Dictionary<string, string> ReadRegions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(RepositoryRoot(), "tests", "Modal.Client.Snippets");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            foreach (Match region in Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                Assert.True(regions.TryAdd(region.Groups["name"].Value, region.Groups["code"].Value), $"#region {region.Groups["name"].Value} is defined twice.");
            }
        }

        return regions;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modal.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modal.Client.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>[a-z0-9-]+)\s*-->\s*$")]
    private static partial Regex SnippetTag();

    [GeneratedRegex(@"^[ \t]*#region (?<name>[a-z0-9-]+)[ \t]*\n(?<code>.*?)^[ \t]*#endregion", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Region();

    private sealed record Block(string? Name, string Code, int CodeStart, int CodeEnd, int Line);
}
