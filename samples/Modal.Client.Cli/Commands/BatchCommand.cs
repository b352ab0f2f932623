using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Modal.Client.Cli.Batch;
using Modal.Client.Cli.Output;

namespace Modal.Client.Cli.Commands;

/// <summary>
/// <c>batch &lt;input.jsonl&gt; --out &lt;folder&gt;</c>: runs one call per input line through <see cref="ModalBatch"/>,
/// writing each result and a <c>manifest.jsonl</c> line to the folder; running it again resumes. Prints the estimate
/// first (<c>--max-cost</c> refuses to start over it, <c>--dry-run</c> stops there), progress on standard error, and a
/// summary table at the end. Exit code 0 when every line is ok, 1 when any failed or was refused, 2 for a usage error,
/// 130 when stopped with Ctrl+C.
/// </summary>
internal static class BatchCommand
{
    /// <summary>How long calls in flight may finish after Ctrl+C, unless <c>--grace-seconds</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(2);

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var input = new Argument<string>("input")
        {
            Description = "A JSON Lines file: one object per line with \"endpoint\" (the path, e.g. \"/flux\") and the endpoint's fields by wire name "
                + "(\"prompt\", \"seed\", \"width\", ...). Media fields (\"reference_image\", \"source_video\", ...) name files relative to the input file.",
            HelpName = "input.jsonl",
        };
        var output = new Option<string>("--out")
        {
            Description = "The folder for the results and manifest.jsonl (created when missing). Run again into the same folder to resume: lines already ok are skipped.",
            HelpName = "folder",
            Required = true,
        };
        var maxCost = new Option<decimal?>("--max-cost")
        {
            Description = "Refuse to start when the catalog estimate of the calls to make is over this many USD.",
            HelpName = "usd",
            CustomParser = result => ParseNumber(result, "--max-cost", 0, 1_000_000, text => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the estimate and check every line, without calling anything." };
        var maxInFlight = new Option<int?>("--max-in-flight")
        {
            Description = "Calls in flight at once over all apps (each app also keeps its own limit of 5).",
            HelpName = "n",
            CustomParser = result => ParseNumber(result, "--max-in-flight", 1, 1000, text => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)),
        };
        var grace = new Option<double?>("--grace-seconds")
        {
            Description = $"After Ctrl+C, how long calls already sent may finish before they are cancelled (default {DefaultGrace.TotalSeconds.ToString(CultureInfo.InvariantCulture)}).",
            HelpName = "seconds",
            CustomParser = result => ParseNumber(result, "--grace-seconds", 0, 3600, text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        };
        var command = new Command("batch", "Runs one call per line of a JSON Lines file, resumable, with a manifest, a cost estimate first and progress.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(maxCost);
        command.Options.Add(dryRun);
        command.Options.Add(maxInFlight);
        command.Options.Add(grace);
        command.SetAction((parse, cancellationToken) => CommandAction.RunAsync(context, () => RunAsync(
            context, global, parse, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(maxCost), parse.GetValue(dryRun),
            parse.GetValue(maxInFlight), parse.GetValue(grace) is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultGrace, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, GlobalOptions global, ParseResult parse, string input, string output, decimal? maxCost, bool dryRun, int? maxInFlight,
        TimeSpan grace, CancellationToken cancellationToken)
    {
        var inputPath = context.FullPath(input);
        if (!File.Exists(inputPath))
        {
            throw new CliUsageException($"the input file {inputPath} does not exist.");
        }

        var folder = context.FullPath(output);
        if (File.Exists(folder))
        {
            throw new CliUsageException($"--out: {folder} is a file; give a folder.");
        }

        var lines = await BatchInput.ReadAsync(inputPath, cancellationToken);
        if (lines.Count == 0)
        {
            throw new CliUsageException($"{inputPath} has no lines: write one JSON object per line, e.g. {{\"endpoint\": \"/flux\", \"prompt\": \"a cat\", \"seed\": 1}}.");
        }

        var concurrency = Math.Min(new ModalClientOptions().MaxConcurrentCallsPerApp, maxInFlight ?? int.MaxValue);
        var plan = BatchPlan.Create(lines, await FinishedLines.ReadAsync(folder, cancellationToken), concurrency);
        BatchSummary.WriteEstimate(context, plan);
        foreach (var (line, error) in plan.Invalid)
        {
            context.WriteError($"line {line.Line}: {error}");
        }

        if (maxCost is { } limit && plan.TotalCostUsd > limit)
        {
            throw new CliUsageException(
                $"the estimate {BatchText.Usd(plan.TotalCostUsd)} is over --max-cost {BatchText.Usd(limit)}; nothing was sent. Raise --max-cost or split the input.");
        }

        if (dryRun)
        {
            context.WriteError(plan.Invalid.Count == 0
                ? $"dry run: all {lines.Count} line(s) are valid; nothing was sent."
                : $"dry run: {plan.Invalid.Count} of {lines.Count} line(s) are invalid (they would be refused); nothing was sent.");
            return plan.Invalid.Count == 0 ? ExitCodes.Success : ExitCodes.ModalError;
        }

        await using var session = await global.OpenSessionAsync(parse, context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = ListenForCtrlC(context, stop, grace);
        var clock = Stopwatch.StartNew();
        var results = await BatchProgressView.RunAsync(
            context, lines, progress => session.Batch.RunAsync(lines.Select(l => l.Item), new ModalBatchOptions
            {
                OutputFolder = folder, CancellationGracePeriod = grace, MaxInFlight = maxInFlight, Progress = progress,
            }, stop.Token));
        BatchSummary.WriteSummary(context, lines, results, clock.Elapsed);
        foreach (var result in results.Where(r => r.Status != ModalBatchStatus.Ok).OrderBy(r => r.Line).Take(20))
        {
            context.WriteError(BatchProgressView.Describe(result));
        }

        context.WriteError($"manifest: {Path.Combine(folder, "manifest.jsonl")}");
        if (stop.IsCancellationRequested && results.Count < lines.Count)
        {
            context.WriteError($"stopped: {lines.Count - results.Count} line(s) were not run. To resume, run the same command again: "
                + $"batch {input} --out {output} (lines already ok are skipped).");
            return ExitCodes.Cancelled;
        }

        return results.All(r => r.Status == ModalBatchStatus.Ok) ? ExitCodes.Success : ExitCodes.ModalError;
    }

    /// <summary>
    /// In a real console, the first Ctrl+C (or SIGTERM) stops sending and lets calls in flight finish within the grace
    /// period; a second one ends the process at once.
    /// </summary>
    private static Registrations? ListenForCtrlC(CliContext context, CancellationTokenSource stop, TimeSpan grace)
    {
        if (!context.OwnsProcessSignals)
        {
            return null;
        }

        void Handle(PosixSignalContext signal)
        {
            if (stop.IsCancellationRequested)
            {
                return; // The second one: let the process end.
            }

            signal.Cancel = true;
            context.WriteError($"stopping: no new calls; calls in flight may finish for up to {BatchText.Time(grace)} and are recorded. Ctrl+C again to quit now.");
            stop.Cancel();
        }

        return new Registrations(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    private static T? ParseNumber<T>(System.CommandLine.Parsing.ArgumentResult result, string name, double min, double max, Func<string, T> parse)
        where T : struct, IConvertible
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        try
        {
            var value = parse(text);
            var number = value.ToDouble(CultureInfo.InvariantCulture);
            if (number >= min && number <= max)
            {
                return value;
            }
        }
        catch (FormatException)
        {
        }
        catch (OverflowException)
        {
        }

        result.AddError($"{name}: '{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
