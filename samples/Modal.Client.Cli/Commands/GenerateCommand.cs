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
            Description = "The file to write. Default: <endpoint>-<seed><ext> in the current directory, with the extension of the real format. "
                + "Checked before anything is sent: its folder must exist (or give --mkdir) and be writable.",
            HelpName = "file",
        };
        var mkdir = new Option<bool>("--mkdir") { Description = "Create the folder of --out when it does not exist." };
        var json = new Option<bool>("--json") { Description = "Print the result (or the error) as one JSON object on standard output, for scripts." };
        command.Options.Add(output);
        command.Options.Add(mkdir);
        command.Options.Add(json);
        if (spec.HasLora)
        {
            AddLoraValidator(command, spec, options[Field.LoraId.WireName], options[Field.LoraName.WireName]);
        }

        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(context, async () =>
        {
            // Before anything is read or sent: a paid call must never end in a file that cannot be written.
            var requestedPath = OutputFile.Check(parse.GetValue(output), parse.GetValue(mkdir), context);
            var asJson = parse.GetValue(json);
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
            catch (ModalException ex)
            {
                ErrorReport.Write(context.Error, ex);
                ResultReport.WriteSpend(context.Error, session.Spend);
                if (asJson)
                {
                    ResultJson.WriteError(context.Output, ex, session.Spend);
                }

                return ExitCodes.ModalError;
            }

            var asked = (spec.Fields.Contains(Field.Width) ? values.Int(Field.Width) : null, spec.Fields.Contains(Field.Height) ? values.Int(Field.Height) : null);
            return await SaveAndReportAsync(context, endpoint, result, requestedPath, asJson, session.Spend, asked, cancellationToken);
        }));
        return command;
    }

    /// <summary>
    /// Writes the paid result where asked; if that still fails, to a fallback file (working directory, else temp folder),
    /// saying where, with the cost. Then the result block (or JSON) on standard output.
    /// </summary>
    private static async Task<int> SaveAndReportAsync(
        CliContext context, ModalEndpoint endpoint, GeneratedMedia result, string? requestedPath, bool asJson, ModalSpendSnapshot spend,
        (int? Width, int? Height) asked, CancellationToken cancellationToken)
    {
        var path = requestedPath ?? OutputFile.DefaultPath(result, context);
        string? saved = path;
        try
        {
            await context.SaveResult(result, path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            saved = await OutputFile.SaveFallbackAsync(result, context, cancellationToken);
            context.WriteError($"error: the result could not be written to {path}: {ex.Message}");
            context.WriteError(saved is not null
                ? $"  saved instead to: {saved}"
                : $"  it could not be saved to the working directory or the temp folder either; it is lost (call id {result.CallId ?? "none"}).");
            context.WriteError($"  {ResultReport.CostLine(result, endpoint)}");
        }

        if (asJson)
        {
            ResultJson.WriteResult(context.Output, result, endpoint, saved, path, spend);
        }
        else
        {
            ResultReport.Write(context.Output, result, endpoint, saved ?? "not saved", asked.Width, asked.Height);
            ResultReport.WriteSpend(context.Output, spend);
        }

        if (saved == path && requestedPath is not null && OutputFile.ExtensionNote(path, result) is { } note)
        {
            context.WriteError(note);
        }

        return saved == path ? ExitCodes.Success : ExitCodes.NotSavedWhereAsked;
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
