using System.CommandLine;
using System.Globalization;
using Modal.Client.Cli.Output;
using Modal.Client.Cli.Session;

namespace Modal.Client.Cli.Commands;

/// <summary><c>models</c> (the catalog as tables) and <c>recommend &lt;use-case&gt;</c>. Neither calls Modal.</summary>
internal static class CatalogCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] ModelColumns = ["Path", "Output", "Time", "Cost", "Speed#", "Cost#"];

    public static Command Models(CliContext context)
    {
        var command = new Command("models", "The catalog: the 21 current endpoints with their app, output, time, cost and ranks; removed and future endpoints; use cases.");
        command.SetAction(_ =>
        {
            WriteModels(context.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Recommend(CliContext context)
    {
        var useCase = new Argument<string>("use-case")
        {
            Description = "One of: " + string.Join(", ", UseCaseNames.All.Select(u => u.Name)) + ".",
            HelpName = "use-case",
        };
        useCase.AcceptOnlyFromAmong([.. UseCaseNames.All.Select(u => u.Name)]);
        var calls = new Option<int?>("--calls")
        {
            Description = "Also estimate the documented cost and time of this many calls of the primary endpoint.",
            HelpName = "n",
        };
        calls.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--calls must be 1 or more.");
            }
        });
        var command = new Command("recommend", "The inventory's recommendation for a use case: primary endpoint, alternative, note; with --calls, a batch estimate.")
        {
            useCase,
            calls,
        };
        command.SetAction((parse, _) => CommandAction.RunAsync(context, async () =>
        {
            var recommendation = ModelSelector.Recommend(UseCaseNames.Parse(parse.GetValue(useCase)!));
            ModalBatchEstimate? estimate = null;
            if (parse.GetValue(calls) is { } n)
            {
                estimate = ModelSelector.EstimateBatch(recommendation.Primary.Path, n);
            }

            WriteRecommendation(context.Output, recommendation, estimate);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The catalog as plain text that fits 80 columns: endpoints grouped by app, then removed, future and use cases.</summary>
    private static void WriteModels(TextWriter output)
    {
        output.WriteLine($"Current endpoints ({ModalCatalog.Callable.Count}), by app. Time and cost as documented; Speed# and Cost#:");
        output.WriteLine($"rank among the {ModalCatalog.SpeedRanking.Count} timed and {ModalCatalog.CostRanking.Count} priced endpoints (1 = fastest, cheapest).");
        output.WriteLine();
        var rows = new List<string[]> { ModelColumns };
        var appRows = new List<(string? App, int Row)>();
        foreach (var group in ModalCatalog.Callable.GroupBy(e => e.App?.Name))
        {
            appRows.Add((group.Key, rows.Count));
            rows.AddRange(group.Select(e => new[] { e.Path, CatalogText.Output(e), CatalogText.Time(e), CatalogText.Cost(e), CatalogText.SpeedRank(e), CatalogText.CostRank(e) }));
        }

        var lines = PlainText.Columns(rows, "  ").ToList();
        output.WriteLine(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            if (appRows.FirstOrDefault(a => a.Row == i) is { Row: > 0 } app)
            {
                output.WriteLine(app.App ?? "-");
            }

            output.WriteLine(lines[i]);
        }

        var notes = ModalCatalog.Callable.Where(e => e.Note is not null).ToList();
        if (notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Notes");
            foreach (var e in notes)
            {
                WriteWrapped(output, $"{e.Path}: {e.Note}");
            }
        }

        output.WriteLine();
        output.WriteLine("Removed endpoints (calling them fails and names the alternative)");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Removed))
        {
            WriteWrapped(output, $"{e.Path}: use {e.Alternative?.Path ?? "nothing (no alternative)"} instead. {e.Title}. {e.Note}".TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("Future endpoints");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Future))
        {
            WriteWrapped(output, $"{e.Path}: {e.Title} ({e.FutureStatus ?? "no status"})");
        }

        output.WriteLine();
        output.WriteLine("Use cases (recommend <use-case>)");
        foreach (var u in ModalCatalog.UseCases)
        {
            var alternative = u.Alternative is { } a ? $", else {a.Path}" : string.Empty;
            WriteWrapped(output, $"{UseCaseNames.NameOf(u.UseCase)}: {u.Title}: {u.Primary.Path}{alternative}. {u.Note}");
        }
    }

    private static void WriteWrapped(TextWriter output, string text)
    {
        foreach (var line in PlainText.Wrap(text, "  ", "      "))
        {
            output.WriteLine(line);
        }
    }

    private static void WriteRecommendation(TextWriter output, ModalUseCaseRecommendation recommendation, ModalBatchEstimate? estimate)
    {
        output.WriteLine($"{recommendation.Title} ({UseCaseNames.NameOf(recommendation.UseCase)})");
        var lines = new KeyValueLines()
            .Add("primary", CatalogText.Summary(recommendation.Primary))
            .Add("alternative", recommendation.Alternative is { } alternative ? CatalogText.Summary(alternative) : "none")
            .Add("note", recommendation.Note)
            .Add("subcommand", $"{recommendation.Primary.Path.TrimStart('/')} (see '{recommendation.Primary.Path.TrimStart('/')} --help')");
        if (estimate is not null)
        {
            lines.Add("batch", string.Create(Invariant, $"{estimate.Calls} call(s) of {estimate.Endpoint.Path}"))
                .Add("cost", estimate.TotalCostUsd is { } usd ? string.Create(Invariant, $"${usd:0.000} documented") : "unknown")
                .Add("one by one", estimate.SequentialDuration is { } s ? TimeText.Approximate(s) : "unknown")
                .Add("concurrent", estimate.ConcurrentDuration is { } c
                    ? string.Create(Invariant, $"{TimeText.Approximate(c)} ({estimate.Concurrency} calls at a time per app)")
                    : "unknown");
            if (estimate.Caveat is { } caveat)
            {
                lines.Add("caveat", caveat);
            }
        }

        lines.WriteTo(output, "  ");
    }
}
