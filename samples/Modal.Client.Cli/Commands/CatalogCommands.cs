using System.CommandLine;
using System.Globalization;
using Modal.Client.Cli.Output;
using Modal.Client.Cli.Session;
using Spectre.Console;

namespace Modal.Client.Cli.Commands;

/// <summary><c>models</c> (the catalog as tables) and <c>recommend &lt;use-case&gt;</c>. Neither calls Modal.</summary>
internal static class CatalogCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Models(CliContext context)
    {
        var command = new Command("models", "The catalog: the 21 current endpoints with their app, output, time, cost and ranks; removed and future endpoints; use cases.");
        command.SetAction(_ =>
        {
            WriteModels(context.Console);
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

    private static void WriteModels(IAnsiConsole console)
    {
        var current = NewTable($"Current endpoints ({ModalCatalog.Callable.Count})", "Path", "App", "Family", "Output", "Time", "Cost", "Speed rank", "Cost rank");
        foreach (var e in ModalCatalog.Callable)
        {
            current.AddRow(Cells(e.Path, e.App?.Name ?? "-", e.Family?.ToString() ?? "-", CatalogText.Output(e), CatalogText.Time(e), CatalogText.Cost(e),
                CatalogText.SpeedRank(e), CatalogText.CostRank(e)));
        }

        console.Write(current);
        foreach (var e in ModalCatalog.Callable.Where(e => e.Note is not null))
        {
            console.Profile.Out.Writer.WriteLine($"  {e.Path}: {e.Note}");
        }

        console.WriteLine();
        var removed = NewTable("Removed endpoints (calling them fails with the alternative)", "Path", "Name", "Why", "Use instead");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Removed))
        {
            removed.AddRow(Cells(e.Path, e.Title, e.Note ?? "-", e.Alternative?.Path ?? "-"));
        }

        console.Write(removed);
        console.WriteLine();
        var future = NewTable("Future endpoints", "Path", "What", "Status");
        foreach (var e in ModalCatalog.All.Where(e => e.Status == ModalEndpointStatus.Future))
        {
            future.AddRow(Cells(e.Path, e.Title, e.FutureStatus ?? "-"));
        }

        console.Write(future);
        console.WriteLine();
        var useCases = NewTable("Use cases (recommend <use-case>)", "Use case", "Name", "Primary", "Alternative", "Note");
        foreach (var u in ModalCatalog.UseCases)
        {
            useCases.AddRow(Cells(UseCaseNames.NameOf(u.UseCase), u.Title, u.Primary.Path, u.Alternative?.Path ?? "-", u.Note));
        }

        console.Write(useCases);
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
                .Add("one by one", estimate.SequentialDuration is { } s ? ProgressText.Clock(s) : "unknown")
                .Add("concurrent", estimate.ConcurrentDuration is { } c
                    ? string.Create(Invariant, $"{ProgressText.Clock(c)} ({estimate.Concurrency} calls at a time per app)")
                    : "unknown");
            if (estimate.Caveat is { } caveat)
            {
                lines.Add("caveat", caveat);
            }
        }

        lines.WriteTo(output, "  ");
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title) };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        return table;
    }

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];
}
