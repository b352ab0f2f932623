namespace Modal.Client.Cli.Tests.Support;

/// <summary>Runs the CLI in-process in a fresh temporary working directory, with an empty environment unless told otherwise.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "modal-cli-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The working directory of every run; relative paths resolve here.</summary>
    public string Directory { get; }

    /// <summary>The environment variables the CLI sees (none by default, so the embedded fake runs).</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>Replaces the CLI's result writer (to make a write fail after the call); <see langword="null"/> for the real one.</summary>
    public ResultSaver? SaveResult { get; set; }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, Environment, Directory, SaveResult);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The names of the files in the working directory (hidden partial files included).</summary>
    public string[] Files() => [.. System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order()!];

    public string WriteFile(string name, byte[] content)
    {
        File.WriteAllBytes(PathOf(name), content);
        return name;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}

/// <summary>What one run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Lines(Output);

    public string[] ErrorLines => Lines(Error);

    /// <summary>The value of a <c>label  value</c> result line.</summary>
    public string Value(string label) =>
        OutputLines.Single(l => l.StartsWith(label + "  ", StringComparison.Ordinal))[label.Length..].Trim();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
