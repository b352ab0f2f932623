using Modal.Client.Internal;

namespace Modal.Client.Tests;

/// <summary>The README's "Choosing a model" tables are the catalog, rendered: this test fails when they drift.</summary>
public sealed class CatalogMarkdownTests
{
    [Fact]
    public void Readme_ChoosingAModelTables_MatchTheCatalog()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(CatalogMarkdown.StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(CatalogMarkdown.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lacks the catalog markers.");

        var block = readme[(start + CatalogMarkdown.StartMarker.Length)..end].Trim('\n');
        var rendered = CatalogMarkdown.Render().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("MODAL_UPDATE_README") == "1")
        {
            // Maintainers: MODAL_UPDATE_README=1 dotnet test --filter CatalogMarkdownTests rewrites the block.
            var updated = readme[..(start + CatalogMarkdown.StartMarker.Length)] + "\n" + rendered + "\n" + readme[end..];
            File.WriteAllText(Path.Combine(RepositoryRoot(), "README.md"), updated);
            return;
        }

        Assert.Equal(rendered, block);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modal.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modal.Client.sln not found above the test binaries.");
    }
}
