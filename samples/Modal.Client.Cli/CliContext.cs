using Spectre.Console;

namespace Modal.Client.Cli;

/// <summary>Where one CLI run reads and writes: its streams, environment variables and working directory.</summary>
internal sealed class CliContext
{
    /// <summary>The width tables get when the output is not a terminal (logs, files, tests), so rows do not wrap.</summary>
    private const int NonTerminalWidth = 160;

    public CliContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment, string workingDirectory, bool interactive)
    {
        Output = output;
        Error = error;
        Environment = environment;
        WorkingDirectory = workingDirectory;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            Console.Profile.Width = NonTerminalWidth;
        }
    }

    /// <summary>Standard output: results, tables, progress.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Spectre.Console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The environment variables (<c>MODAL_WORKSPACE</c>, <c>MODAL_BASE_URL</c>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The directory relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Whether the output is an interactive terminal: live progress (a spinner) and colours then; otherwise plain lines,
    /// one per stage change, so CI logs stay readable.
    /// </summary>
    public bool Interactive { get; }

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Writes an error line to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine(message);
}
