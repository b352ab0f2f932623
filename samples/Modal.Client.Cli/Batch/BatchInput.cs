using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Modal.Client.Cli.Endpoints;
using Modal.Client.Cli.Fields;

namespace Modal.Client.Cli.Batch;

/// <summary>
/// Reads a batch input file: one JSON object per line, <c>endpoint</c> (the path, <c>"/flux"</c>) and the endpoint's fields
/// by wire name (<c>prompt</c>, <c>seed</c>, <c>reference_image</c>, ...). Each line goes through the same field options as
/// the endpoint's subcommand, so values are parsed and named exactly as on the command line; media fields name files
/// relative to the input file. A line that cannot become a request becomes a refused item that says why.
/// </summary>
internal static class BatchInput
{
    public static async Task<IReadOnlyList<BatchLine>> ReadAsync(string inputPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var text = await File.ReadAllLinesAsync(inputPath, cancellationToken);
        var lines = new List<BatchLine>();
        for (var i = 0; i < text.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(text[i]))
            {
                continue;
            }

            var item = await ParseAsync(text[i], folder, cancellationToken);
            lines.Add(new BatchLine(i + 1, item.Invalid is { } invalid
                ? ModalBatchItem.Refused(invalid, item.Endpoint, i + 1)
                : new ModalBatchItem(item.Request!) { Line = i + 1 }));
        }

        return lines;
    }

    /// <summary>Turns one input line into an item.</summary>
    public static async Task<ModalBatchItem> ParseAsync(string json, string folder, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Refuse($"not valid JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refuse("a line must be a JSON object such as {\"endpoint\": \"/flux\", \"prompt\": \"a cat\"}.");
        }

        if (!root.TryGetProperty("endpoint", out var path) || path.ValueKind != JsonValueKind.String)
        {
            return Refuse("\"endpoint\" is missing: give the path, for example \"/flux\".");
        }

        if (!ModalCatalog.TryFind(path.GetString()!, out var endpoint) || !endpoint.IsCallable)
        {
            var alternative = endpoint?.Alternative is { } a ? $" Use {a.Path} instead." : " Run 'models' to see the current endpoints.";
            return Refuse($"\"endpoint\": {path.GetString()} is not an endpoint the CLI can call.{alternative}");
        }

        var spec = EndpointTable.For(endpoint);
        var command = new Command(spec.CommandName);
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            options[field.WireName] = FieldOptions.Create(field);
            command.Options.Add(options[field.WireName]);
        }

        var tokens = new List<string>();
        var media = new Dictionary<string, IReadOnlyList<ModalMedia>>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "endpoint" || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var field = spec.Fields.FirstOrDefault(f => f.WireName == property.Name);
            if (field is null)
            {
                return Refuse($"{endpoint.Path} has no field \"{property.Name}\". Its fields: {string.Join(", ", spec.Fields.Select(f => f.WireName).Distinct())}.", endpoint);
            }

            if (field.Kind is FieldKind.MediaFile or FieldKind.MediaFiles)
            {
                var names = property.Value.ValueKind switch
                {
                    JsonValueKind.String => [property.Value.GetString()!],
                    JsonValueKind.Array when field.Kind == FieldKind.MediaFiles && property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                        => property.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    _ => (string[]?)null,
                };
                if (names is null)
                {
                    return Refuse($"\"{field.WireName}\" must be {(field.Kind == FieldKind.MediaFiles ? "a file name or an array of file names" : "a file name")}, relative to the input file.", endpoint);
                }

                var files = new List<ModalMedia>();
                foreach (var name in names)
                {
                    try
                    {
                        files.Add(await ModalMedia.FromFileAsync(Path.GetFullPath(name, folder), cancellationToken));
                    }
                    catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
                    {
                        return Refuse($"\"{field.WireName}\": {(ex is ArgumentException argument ? CliErrors.MessageOf(argument) : ex.Message)}", endpoint);
                    }
                }

                media[field.WireName] = files;
                tokens.AddRange(names.Select(name => $"{field.OptionName}={name}"));   // satisfies the required option; the files are read above
                continue;
            }

            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (value is null)
            {
                return Refuse($"\"{field.WireName}\" must be a string, a number or true/false.", endpoint);
            }

            // --name=value keeps values that look like options or response files ("-1", "@x") as values.
            tokens.Add($"{field.OptionName}={value}");
        }

        foreach (var field in spec.Fields.Where(f => f.Required && f.Kind is FieldKind.MediaFile or FieldKind.MediaFiles && !media.ContainsKey(f.WireName)))
        {
            return Refuse($"\"{field.WireName}\" is required: {field.Description}", endpoint);
        }

        var parse = command.Parse(tokens, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return Refuse(string.Join(" ", parse.Errors.Select(e => WireNames(e.Message, spec))), endpoint);
        }

        if (spec.HasLora && (parse.GetResult(options[Field.LoraId.WireName]) is null) == (parse.GetResult(options[Field.LoraName.WireName]) is null))
        {
            return Refuse($"{endpoint.Path} needs exactly one of \"lora_id\" and \"lora_name\".", endpoint);
        }

        var capture = new RequestCapture();
        await spec.Call(capture, new FieldValues(parse, options, media), null, cancellationToken);
        return new ModalBatchItem(capture.Request!);
    }

    private static ModalBatchItem Refuse(string message, ModalEndpoint? endpoint = null) =>
        ModalBatchItem.Refused(new ArgumentException(message), endpoint);

    /// <summary>Option names in parse errors back to the input's wire names: <c>--negative-prompt</c> → <c>"negative_prompt"</c>.</summary>
    private static string WireNames(string message, EndpointSpec spec)
    {
        foreach (var field in spec.Fields.OrderByDescending(f => f.OptionName.Length))
        {
            message = message.Replace($"'{field.OptionName}'", $"\"{field.WireName}\"", StringComparison.Ordinal)
                .Replace(field.OptionName, $"\"{field.WireName}\"", StringComparison.Ordinal);
        }

        return message.ToString(CultureInfo.InvariantCulture);
    }
}
