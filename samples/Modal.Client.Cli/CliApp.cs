using System.Collections;
using System.CommandLine;
using System.CommandLine.Invocation;
using Modal.Client.Cli.Commands;
using Modal.Client.Cli.Output;

namespace Modal.Client.Cli;

/// <summary>
/// The CLI: a subcommand per endpoint (the path without the slash), plus <c>models</c>, <c>recommend</c>,
/// <c>health</c> and <c>sample-media</c>. It runs in-process for tests: give it the streams, the environment and the
/// working directory.
/// </summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Results: the result block or JSON, tables.</param>
    /// <param name="error">The banner, progress, notes and error messages.</param>
    /// <param name="environment">The environment variables; <see langword="null"/> for the process's own.</param>
    /// <param name="workingDirectory">Where relative paths point; <see langword="null"/> for the current directory.</param>
    /// <param name="saveResult">Writes result files; <see langword="null"/> for the real writer (tests make it fail).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>
    /// The exit code: 0 done, 1 Modal failed (or an app is unhealthy), 2 bad arguments (nothing sent), 3 the result was
    /// saved to a fallback file, not where <c>--out</c> asked, 130 cancelled.
    /// </returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        ResultSaver? saveResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(
            output,
            error,
            new Dictionary<string, string?>(environment ?? ProcessEnvironment(), StringComparer.Ordinal),
            workingDirectory ?? Directory.GetCurrentDirectory(),
            outputIsTerminal: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
            errorIsTerminal: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
            saveResult)
        {
            OwnsProcessSignals = ReferenceEquals(error, Console.Error),
        };

        var parse = BuildRoot(context).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            WriteParseErrors(context, parse, args);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        if (context.OwnsProcessSignals && parse.CommandResult.Command.Name == "batch")
        {
            // The batch command handles Ctrl+C itself: it waits for the calls in flight (System.CommandLine would end after 2 s).
            invocation.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// A removed or future endpoint typed as a command (<c>wan2</c>) gets its alternative first and alone; an unknown
    /// command or option gets "did you mean" (and the value after an unknown option is not reported again); then the
    /// other parse errors, then where to find help.
    /// </summary>
    private static void WriteParseErrors(CliContext context, ParseResult parse, string[] args)
    {
        if (args.Length > 0 && UnavailableEndpointHint(args[0]) is { } hint)
        {
            context.WriteError($"error: {hint}");
            context.WriteError("Run 'models' to see every current endpoint.");
            return;
        }

        var command = parse.CommandResult.Command;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = parse.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!reported.Add(token))
            {
                continue;
            }

            if (token.StartsWith('-'))
            {
                context.WriteError($"error: unknown option '{token}'.{DidYouMean(token, OptionNames(parse))}");
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
                {
                    reported.Add(unmatched[i + 1]); // the unknown option's value
                }
            }
            else if (command is RootCommand && i == 0)
            {
                context.WriteError($"error: unknown command '{token}'.{DidYouMean(token, command.Subcommands.Select(c => c.Name))}");
                context.WriteError("Run with --help to see the commands.");
                return;
            }
        }

        foreach (var parseError in parse.Errors.Where(e => !reported.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            context.WriteError($"error: {parseError.Message}");
        }

        context.WriteError(command is RootCommand
            ? "Run with --help to see the commands."
            : $"Run '{command.Name} --help' to see its options.");
    }

    private static string DidYouMean(string token, IEnumerable<string> candidates) =>
        Suggestions.For(token, candidates) is { Count: > 0 } suggestions
            ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?"
            : string.Empty;

    /// <summary>The options the command accepts, its own and the recursive ones of its parents.</summary>
    private static IEnumerable<string> OptionNames(ParseResult parse)
    {
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in result.Command.Options.Where(o => ReferenceEquals(result, parse.CommandResult) || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(
            "Calls the Modal.Client endpoints: one subcommand per endpoint, plus models, recommend, health, batch and sample-media. "
            + "Without MODAL_WORKSPACE, --workspace or --base-url it runs against an embedded fake deployment.");
        global.AddTo(root);
        foreach (var endpoint in ModalCatalog.Callable)
        {
            root.Subcommands.Add(GenerateCommand.Create(endpoint, context, global));
        }

        root.Subcommands.Add(CatalogCommands.Models(context));
        root.Subcommands.Add(CatalogCommands.Recommend(context));
        root.Subcommands.Add(HealthCommand.Create(context, global));
        root.Subcommands.Add(BatchCommand.Create(context, global));
        root.Subcommands.Add(SampleMediaCommand.Create(context));
        return root;
    }

    /// <summary>
    /// For a removed or future endpoint typed as a command (<c>wan2</c>), its alternative first, then why; else
    /// <see langword="null"/>.
    /// </summary>
    private static string? UnavailableEndpointHint(string name)
    {
        if (!ModalCatalog.TryFind(name, out var endpoint) || endpoint.IsCallable)
        {
            return null;
        }

        var instead = endpoint.Alternative is { } alternative
            ? $"use {alternative} instead (run '{alternative.Path.TrimStart('/')} --help'). "
            : string.Empty;
        var why = endpoint.Status == ModalEndpointStatus.Removed
            ? $"{endpoint.Path} ({endpoint.Title}) was removed{(endpoint.Note is { } note ? $": {note.TrimEnd('.')}" : string.Empty)}."
            : $"{endpoint.Path} ({endpoint.Title}) is not deployed yet{(endpoint.FutureStatus is { } status ? $" ({status})" : string.Empty)}.";
        return instead.Length > 0 ? $"{instead}{why}" : why;
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
