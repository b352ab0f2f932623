using System.Collections;
using System.CommandLine;
using System.CommandLine.Invocation;
using Modal.Client.Cli.Commands;

namespace Modal.Client.Cli;

/// <summary>
/// The CLI: a subcommand per endpoint (the path without the slash), plus <c>models</c>, <c>recommend</c> and
/// <c>health</c>. It runs in-process for tests: give it the streams, the environment and the working directory.
/// </summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Results, tables and progress.</param>
    /// <param name="error">Error messages.</param>
    /// <param name="environment">The environment variables; <see langword="null"/> for the process's own.</param>
    /// <param name="workingDirectory">Where relative paths point; <see langword="null"/> for the current directory.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code: 0 done, 1 Modal failed (or an app is unhealthy), 2 bad arguments, 130 cancelled.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(
            output,
            error,
            new Dictionary<string, string?>(environment ?? ProcessEnvironment(), StringComparer.Ordinal),
            workingDirectory ?? Directory.GetCurrentDirectory(),
            interactive);

        var parse = BuildRoot(context).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var parseError in parse.Errors)
            {
                context.WriteError($"error: {parseError.Message}");
            }

            if (args.Length > 0 && UnavailableEndpointHint(args[0]) is { } hint)
            {
                context.WriteError(hint);
            }

            var command = parse.CommandResult.Command;
            context.WriteError(command is RootCommand
                ? "Run with --help to see the commands."
                : $"Run '{command.Name} --help' to see its options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(
            "Calls the Modal.Client endpoints: one subcommand per endpoint, plus models, recommend and health. "
            + "Without MODAL_WORKSPACE, --workspace or --base-url it runs against an embedded fake deployment.");
        global.AddTo(root);
        foreach (var endpoint in ModalCatalog.Callable)
        {
            root.Subcommands.Add(GenerateCommand.Create(endpoint, context, global));
        }

        root.Subcommands.Add(CatalogCommands.Models(context));
        root.Subcommands.Add(CatalogCommands.Recommend(context));
        root.Subcommands.Add(HealthCommand.Create(context, global));
        return root;
    }

    /// <summary>For a removed or future endpoint typed as a command (<c>wan2</c>), the catalog's reason and alternative.</summary>
    private static string? UnavailableEndpointHint(string name)
    {
        if (!ModalCatalog.TryFind(name, out var endpoint) || endpoint.IsCallable)
        {
            return null;
        }

        try
        {
            ModalCatalog.GetCallable(endpoint.Path);
            return null;
        }
        catch (ModalEndpointUnavailableException ex)
        {
            return ex.Message;
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
