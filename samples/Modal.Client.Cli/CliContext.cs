using Modal.Client.Cli.Output;
using Spectre.Console;

namespace Modal.Client.Cli;

/// <summary>
/// Where one CLI run reads and writes: its streams, environment variables and working directory. Standard output gets
/// only results (the result block, <c>--json</c>, tables); the banner, progress, notes and errors go to standard error,
/// so a pipe or a script reads the result alone.
/// </summary>
internal sealed class CliContext
{
    /// <summary>The width tables get when the output is not a terminal (logs, files, tests), so rows do not wrap.</summary>
    private const int NonTerminalWidth = 160;

    public CliContext(
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        bool outputIsTerminal,
        bool errorIsTerminal,
        ResultSaver? saveResult = null)
    {
        Output = output;
        Error = error;
        Environment = environment;
        WorkingDirectory = workingDirectory;
        Interactive = errorIsTerminal;
        SaveResult = saveResult ?? OutputFile.SaveAsync;
        Console = CreateConsole(output, outputIsTerminal);
        ErrorConsole = CreateConsole(error, errorIsTerminal);
    }

    /// <summary>Standard output: the result block or JSON, tables.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: the banner, progress, notes and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Spectre.Console over <see cref="Output"/> (tables).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Spectre.Console over <see cref="Error"/> (the live progress spinner).</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>The environment variables (<c>MODAL_WORKSPACE</c>, <c>MODAL_BASE_URL</c>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The directory relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Whether standard error is an interactive terminal: live progress (a spinner) then; otherwise plain lines, one per
    /// stage change, so CI logs stay readable.
    /// </summary>
    public bool Interactive { get; }

    /// <summary>
    /// Whether this run is the process's own console (not a test): then the batch command handles Ctrl+C and SIGTERM itself.
    /// </summary>
    public bool OwnsProcessSignals { get; init; }

    /// <summary>Writes a result file (tests replace it to make a write fail after the call).</summary>
    public ResultSaver SaveResult { get; }

    /// <summary>Resolves a path given on the command line against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Writes an error line to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine(message);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = NonTerminalWidth;
        }

        return console;
    }
}

/// <summary>Writes a result to a file, never leaving a partial file behind.</summary>
/// <param name="media">The result.</param>
/// <param name="path">The full path of the file.</param>
/// <param name="cancellationToken">Cancels the write.</param>
internal delegate Task ResultSaver(GeneratedMedia media, string path, CancellationToken cancellationToken);
