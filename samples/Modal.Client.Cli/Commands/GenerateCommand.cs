using System.CommandLine;
using System.Globalization;
using Modal.Client.Cli.Endpoints;
using Modal.Client.Cli.Fields;
using Modal.Client.Cli.Output;

namespace Modal.Client.Cli.Commands;

/// <summary>
/// The subcommand of one endpoint: an option per request field, <c>--out</c>; it reads the media files, calls the
/// endpoint with progress, writes the result and prints what it was, what it took and what it cost.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(ModalEndpoint endpoint, CliContext context, GlobalOptions global)
    {
        var spec = EndpointTable.For(endpoint);
        var command = new Command(spec.CommandName, Describe(endpoint));
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            options[field.WireName] = FieldOptions.Create(field);
            command.Options.Add(options[field.WireName]);
        }

        var output = new Option<string>("--out")
        {
            Description = "The file to write. Default: <endpoint>-<seed><ext> in the current directory, with the extension of the real format.",
            HelpName = "file",
        };
        command.Options.Add(output);
        if (spec.HasLora)
        {
            AddLoraValidator(command, spec, options[Field.LoraId.WireName], options[Field.LoraName.WireName]);
        }

        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(context, async () =>
        {
            var requestedPath = OutputFile.Resolve(parse.GetValue(output), context);
            var media = await ReadMediaAsync(spec, parse, options, context, cancellationToken);
            await using var session = await global.OpenSessionAsync(parse, context);
            var values = new FieldValues(parse, options, media);
            GeneratedMedia result;
            try
            {
                result = await ProgressDisplay.RunAsync(context, endpoint.Path, options => spec.Call(session.Client, values, options, cancellationToken));
            }
            catch (ArgumentException ex)
            {
                // The SDK validates each request before sending it; its ParamName is the property path (FluxSchnellRequest.Width).
                throw new CliUsageException(OptionMessage(spec, ex), ex);
            }
            catch (ModalException)
            {
                ResultReport.WriteSpend(context.Output, session.Spend);
                throw;
            }

            var path = requestedPath ?? OutputFile.DefaultPath(result, context);
            try
            {
                await OutputFile.SaveAsync(result, path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.WriteError($"error: the result ({result.MediaType}, seed {result.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"}, "
                    + $"call id {result.CallId ?? "none"}) could not be written to {path}: {ex.Message}");
                return ExitCodes.ModalError;
            }

            ResultReport.Write(context.Output, result, endpoint, path);
            ResultReport.WriteSpend(context.Output, session.Spend);
            if (requestedPath is not null && OutputFile.ExtensionNote(path, result) is { } note)
            {
                context.Output.WriteLine(note);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Describe(ModalEndpoint endpoint)
    {
        var invariant = CultureInfo.InvariantCulture;
        var time = endpoint.TypicalDuration is { } t ? string.Create(invariant, $"~{t.TotalSeconds:0} s") : "never benchmarked";
        var cost = endpoint.DocumentedCostUsd is { } c ? string.Create(invariant, $", ~${c:0.000}") : string.Empty;
        var note = endpoint.Note is { } n ? $" {n}" : string.Empty;
        return $"{endpoint.Title} on {endpoint.App} ({time}{cost}; returns {CatalogText.Output(endpoint)}).{note}";
    }

    private static void AddLoraValidator(Command command, EndpointSpec spec, Option byId, Option byName) =>
        command.Validators.Add(result =>
        {
            var id = result.GetResult(byId);
            var name = result.GetResult(byName);
            if (id is null && name is null)
            {
                result.AddError($"{spec.Path} needs a LoRA: give --lora-id <id> or --lora-name <file name>.");
            }
            else if (id is not null && name is not null)
            {
                result.AddError("Give either --lora-id or --lora-name, not both.");
            }
        });

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<ModalMedia>>> ReadMediaAsync(
        EndpointSpec spec, ParseResult parse, Dictionary<string, Option> options, CliContext context, CancellationToken cancellationToken)
    {
        var media = new Dictionary<string, IReadOnlyList<ModalMedia>>(StringComparer.Ordinal);
        foreach (var field in spec.Fields.Where(f => f.Kind is FieldKind.MediaFile or FieldKind.MediaFiles))
        {
            string[] paths = field.Kind == FieldKind.MediaFile
                ? parse.GetValue((Option<string>)options[field.WireName]) is { } one ? [one] : []
                : parse.GetValue((Option<string[]>)options[field.WireName]) ?? [];
            var files = new List<ModalMedia>();
            foreach (var path in paths)
            {
                try
                {
                    files.Add(await ModalMedia.FromFileAsync(context.FullPath(path), cancellationToken));
                }
                catch (ArgumentException ex)
                {
                    throw new CliUsageException($"{field.OptionName}: {CliErrors.MessageOf(ex)}", ex);
                }
            }

            media[field.WireName] = files;
        }

        return media;
    }

    /// <summary>Names the option behind an SDK validation error: <c>FluxSchnellRequest.Width</c> → <c>--width</c>.</summary>
    private static string OptionMessage(EndpointSpec spec, ArgumentException exception)
    {
        var property = exception.ParamName?.Split('.')[^1].Split('[')[0];
        var names = spec.Fields.Where(f => f.Property == property).Select(f => f.OptionName).Distinct().ToList();
        var prefix = names.Count > 0 ? string.Join(" / ", names) + ": " : string.Empty;
        return prefix + CliErrors.MessageOf(exception);
    }
}
